import type { DbClient } from './db-client.js';

export interface KoppelvoorstelRecord {
  id: string;
  betrokkeneId: string;
  kandidaatId: string;
  reden: string;
  status: string;
}

const fields = { id: true, betrokkeneId: true, kandidaatId: true, reden: true, status: true } as const;

/** Candidate matches between betrokkene records, waiting for (or settled by) a procesregisseur. */
export function koppelvoorstelRepository(db: DbClient) {
  return {
    create: async (k: Omit<KoppelvoorstelRecord, 'status'>, at: Date): Promise<void> => {
      await db.koppelVoorstel.create({ data: { ...k, aangemaaktOp: at } });
    },
    /** Open proposals, oldest first. */
    open: (take: number): Promise<KoppelvoorstelRecord[]> =>
      db.koppelVoorstel.findMany({ where: { status: 'open' }, orderBy: { aangemaaktOp: 'asc' }, take, select: fields }),
    findById: (id: string): Promise<KoppelvoorstelRecord | null> =>
      db.koppelVoorstel.findUnique({ where: { id }, select: fields }),
    decide: (id: string, d: { status: string; besluitDoor: string; besluitOp: Date }): Promise<KoppelvoorstelRecord> =>
      db.koppelVoorstel.update({ where: { id }, data: d, select: fields }),
    /** A split: the merge of these two records is settled as rejected again. */
    async unmerge(betrokkeneId: string, kandidaatId: string, d: { besluitDoor: string; besluitOp: Date }) {
      await db.koppelVoorstel.updateMany({
        where: { betrokkeneId, kandidaatId, status: 'samengevoegd' },
        data: { status: 'afgewezen', ...d },
      });
    },
  };
}

export type KoppelvoorstelRepository = ReturnType<typeof koppelvoorstelRepository>;
