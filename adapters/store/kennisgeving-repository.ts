import type { DbClient } from './db-client.js';

export interface KennisgevingRecord {
  id: string;
  verzoekId: string;
  partnerId: string;
  soort: string;
  /** JSON array of item ids. */
  itemIds: string;
  /** The notice as a compact JWS signed by the gateway. */
  jws: string;
  aangemaaktOp: Date;
  ontvangenOp: Date | null;
}

/** Signed notices to partners (AVG art. 19, rectification requests). */
export function kennisgevingRepository(db: DbClient) {
  return {
    add: async (k: Omit<KennisgevingRecord, 'ontvangenOp'>): Promise<void> => {
      await db.kennisgeving.create({ data: k });
    },
    /** A partner's own notices, newest first. */
    of: (partnerId: string, limit = 200): Promise<KennisgevingRecord[]> =>
      db.kennisgeving.findMany({ where: { partnerId }, orderBy: { aangemaaktOp: 'desc' }, take: limit }),
    /** Marks one of the partner's own notices received; null when it is not the partner's (or missing). */
    acknowledge: async (id: string, partnerId: string, at: Date): Promise<KennisgevingRecord | null> => {
      const k = await db.kennisgeving.findFirst({ where: { id, partnerId } });
      if (!k) return null;
      if (k.ontvangenOp) return k;
      return db.kennisgeving.update({ where: { id }, data: { ontvangenOp: at } });
    },
  };
}

export type KennisgevingRepository = ReturnType<typeof kennisgevingRepository>;
