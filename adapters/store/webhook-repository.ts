import type { DbClient } from './db-client.js';

export interface WebhookAbonnementRecord {
  partnerId: string;
  url: string;
  /** JSON array of soorten. */
  soorten: string;
  gewijzigdOp: Date;
}

/** Partners' webhook subscriptions, one per partner. */
export function webhookRepository(db: DbClient) {
  return {
    save: async (a: WebhookAbonnementRecord): Promise<void> => {
      await db.webhookAbonnement.upsert({ where: { partnerId: a.partnerId }, create: a, update: a });
    },
    find: (partnerId: string): Promise<WebhookAbonnementRecord | null> =>
      db.webhookAbonnement.findUnique({ where: { partnerId } }),
    list: (): Promise<WebhookAbonnementRecord[]> => db.webhookAbonnement.findMany({ orderBy: { partnerId: 'asc' } }),
  };
}

export type WebhookRepository = ReturnType<typeof webhookRepository>;
