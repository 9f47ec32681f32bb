import type { DbClient } from './db-client.js';

export interface KoppelvoorstelRecord {
  id: string;
  betrokkeneId: string;
  kandidaatId: string;
  reden: string;
  status: string;
  /** 0..1, null for a link a procesregisseur made by hand. */
  score: number | null;
  /** Which parts of the two records agreed (never the values). */
  overeenkomsten: string[];
}

export type NewKoppelvoorstel = Omit<KoppelvoorstelRecord, 'status' | 'score' | 'overeenkomsten'> & {
  score?: number;
  overeenkomsten?: string[];
  status?: string;
  besluitDoor?: string;
  besluitOp?: Date;
};

const fields = {
  id: true,
  betrokkeneId: true,
  kandidaatId: true,
  reden: true,
  status: true,
  score: true,
  overeenkomsten: true,
} as const;

type Row = Omit<KoppelvoorstelRecord, 'overeenkomsten'> & { overeenkomsten: string | null };
const record = (r: Row): KoppelvoorstelRecord => ({
  ...r,
  overeenkomsten: r.overeenkomsten ? (JSON.parse(r.overeenkomsten) as string[]) : [],
});

/** Candidate matches between betrokkene records, waiting for (or settled by) a procesregisseur. */
export function koppelvoorstelRepository(db: DbClient) {
  return {
    create: async ({ overeenkomsten, ...k }: NewKoppelvoorstel, at: Date): Promise<KoppelvoorstelRecord> =>
      record(
        await db.koppelVoorstel.create({
          data: { ...k, overeenkomsten: overeenkomsten ? JSON.stringify(overeenkomsten) : null, aangemaaktOp: at },
          select: fields,
        }),
      ),
    /** Open proposals, highest score first, then oldest first. */
    open: async (take: number): Promise<KoppelvoorstelRecord[]> =>
      (
        await db.koppelVoorstel.findMany({
          where: { status: 'open' },
          orderBy: [{ score: 'desc' }, { aangemaaktOp: 'asc' }],
          take,
          select: fields,
        })
      ).map(record),
    findById: async (id: string): Promise<KoppelvoorstelRecord | null> => {
      const r = await db.koppelVoorstel.findUnique({ where: { id }, select: fields });
      return r ? record(r) : null;
    },
    /** The proposal between these two records, either way round. */
    findBetween: async (a: string, b: string): Promise<KoppelvoorstelRecord | null> => {
      const r = await db.koppelVoorstel.findFirst({
        where: {
          OR: [
            { betrokkeneId: a, kandidaatId: b },
            { betrokkeneId: b, kandidaatId: a },
          ],
        },
        select: fields,
      });
      return r ? record(r) : null;
    },
    decide: async (
      id: string,
      d: { status: string; besluitDoor: string; besluitOp: Date },
    ): Promise<KoppelvoorstelRecord> =>
      record(await db.koppelVoorstel.update({ where: { id }, data: d, select: fields })),
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
