import type { DbClient } from './db-client.js';

export interface RectificatieRecord {
  id: string;
  verzoekId: string;
  itemId: string;
  bronPartnerId: string;
  /** Ciphertext under the person's data key. */
  gewenstVersleuteld: string;
  status: string;
  motivering: string | null;
  /** The replaced value, ciphertext under the person's data key (after an accepted correction). */
  vorigeVersleuteld: string | null;
  door: string;
  aangemaaktOp: Date;
  afgehandeldOp: Date | null;
}

/** Rectification requests routed to the source partner of an item. */
export function rectificatieRepository(db: DbClient) {
  return {
    add: async (r: Omit<RectificatieRecord, 'status' | 'motivering' | 'vorigeVersleuteld' | 'afgehandeldOp'>) => {
      await db.rectificatie.create({ data: r });
    },
    /** Only the source partner's own: another partner's looks exactly like a missing one. */
    findOf: (id: string, bronPartnerId: string): Promise<RectificatieRecord | null> =>
      db.rectificatie.findFirst({ where: { id, bronPartnerId } }),
    /** Every rectification of one request, oldest first. */
    ofVerzoek: (verzoekId: string): Promise<RectificatieRecord[]> =>
      db.rectificatie.findMany({ where: { verzoekId }, orderBy: { aangemaaktOp: 'asc' } }),
    openOf: (bronPartnerId: string): Promise<RectificatieRecord[]> =>
      db.rectificatie.findMany({ where: { bronPartnerId, status: 'open' }, orderBy: { aangemaaktOp: 'asc' } }),
    /** Records the decision once; false when it was already decided. */
    decide: async (
      id: string,
      d: { status: 'aanvaard' | 'afgewezen'; motivering: string | null; vorigeVersleuteld: string | null; at: Date },
    ): Promise<boolean> =>
      (
        await db.rectificatie.updateMany({
          where: { id, status: 'open' },
          data: {
            status: d.status,
            motivering: d.motivering,
            vorigeVersleuteld: d.vorigeVersleuteld,
            afgehandeldOp: d.at,
          },
        })
      ).count === 1,
  };
}

export type RectificatieRepository = ReturnType<typeof rectificatieRepository>;
