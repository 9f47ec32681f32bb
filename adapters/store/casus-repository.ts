import type { DbClient } from './db-client.js';

/** A casus as stored: leefgebieden, signalen and the triage decision are JSON text. */
export interface CasusRecord {
  id: string;
  soort: string;
  status: string;
  fase: string;
  codeRood: boolean;
  gemeente: string;
  reden: string;
  /** JSON array of the categories the referrer classified its reason under; null: none. */
  redenCategorieen: string | null;
  leefgebieden: string;
  aanmelderId: string;
  /** The current triage decision (JSON); its versions are in the TriageBesluit table. */
  triage: string | null;
  signalen: string;
  aangemaaktOp: Date;
  gewijzigdOp: Date;
  afgeslotenOp: Date | null;
  /** Set when the casus was merged into another: the surviving casus. */
  samengevoegdIn?: string | null;
}

export type NewCasus = Pick<
  CasusRecord,
  'id' | 'soort' | 'gemeente' | 'reden' | 'codeRood' | 'leefgebieden' | 'signalen' | 'aanmelderId' | 'aangemaaktOp'
> &
  Partial<Pick<CasusRecord, 'redenCategorieen'>>;

/** One version of a triage decision; `motiveringCategorieen` is JSON text. */
export interface TriageBesluitRecord {
  id: string;
  casusId: string;
  versie: number;
  uitkomst: string;
  motivering: string;
  motiveringCategorieen: string;
  door: string;
  op: Date;
  vervangt: string | null;
}

/** A filter on the casussen a partner takes part in (listCasussen). */
export interface CasusFilter {
  /** Only casussen this partner takes part in (need-to-know). */
  deelnemer: string;
  status?: string;
  /** Only casussen this partner also takes part in. */
  partner?: string;
  /** Only casussen whose triage decision was taken by one of these `partner/actor` ids. */
  besluitDoor?: string[];
  /** Only casussen changed at or after this moment. */
  sinds?: Date;
}

/** What a casus list shows: no free text, no leefgebieden, no persons. */
export type CasusSummary = Pick<
  CasusRecord,
  'id' | 'soort' | 'status' | 'fase' | 'gemeente' | 'aangemaaktOp' | 'gewijzigdOp' | 'afgeslotenOp'
>;

/** Casussen with their participants (deelnemers) and their links to betrokkenen. */
export function casusRepository(db: DbClient) {
  return {
    create: async (c: NewCasus): Promise<void> => {
      await db.casus.create({ data: c });
    },
    findById: (id: string): Promise<CasusRecord | null> => db.casus.findUnique({ where: { id } }),

    /** One page of the casussen matching `f`, newest first, and how many match in all. */
    async list(f: CasusFilter, skip: number, take: number): Promise<{ rows: CasusSummary[]; total: number }> {
      const where = {
        AND: [
          { deelnemers: { some: { partnerId: f.deelnemer } } },
          ...(f.partner ? [{ deelnemers: { some: { partnerId: f.partner } } }] : []),
          ...(f.status ? [{ status: f.status }] : []),
          ...(f.sinds ? [{ gewijzigdOp: { gte: f.sinds } }] : []),
          // The decision is JSON text written by JSON.stringify: `"door":"partner/actor"` appears exactly so.
          ...(f.besluitDoor
            ? [{ OR: f.besluitDoor.map((d) => ({ triage: { contains: `"door":${JSON.stringify(d)}` } })) }]
            : []),
        ],
      };
      const [rows, total] = await Promise.all([
        db.casus.findMany({
          where,
          orderBy: [{ aangemaaktOp: 'desc' }, { id: 'asc' }],
          skip,
          take,
          select: {
            id: true,
            soort: true,
            status: true,
            fase: true,
            gemeente: true,
            aangemaaktOp: true,
            gewijzigdOp: true,
            afgeslotenOp: true,
          },
        }),
        db.casus.count({ where }),
      ]);
      return { rows, total };
    },

    /**
     * The casus, only when `partnerId` takes part in it; otherwise null (missing or not theirs: the same).
     * Raw SQL because every pull and every delivery starts here: Prisma's query compiler costs about
     * 2× the query itself on this path (`npm run bench`, pull-https), and the row types map the same.
     */
    async findParticipating(casusId: string, partnerId: string): Promise<CasusRecord | null> {
      const rows = await db.$queryRaw<CasusRecord[]>`
        SELECT c.* FROM "Casus" c
        WHERE c."id" = ${casusId} AND EXISTS (SELECT 1 FROM "CasusDeelnemer" d WHERE d."casusId" = c."id" AND d."partnerId" = ${partnerId})`;
      return rows[0] ?? null;
    },

    /**
     * Adds a triage decision as the next version (it names the one it replaces) and makes it current,
     * with the status and phase it leads to. Null when the casus does not exist. Run it in a transaction:
     * two decisions at once cannot both become the same version (unique casusId + versie).
     */
    async recordTriageBesluit(
      b: Omit<TriageBesluitRecord, 'versie' | 'vervangt'>,
      t: { status: string; fase: string },
    ): Promise<TriageBesluitRecord | null> {
      if ((await db.casus.count({ where: { id: b.casusId } })) === 0) return null;
      const previous = await db.triageBesluit.findFirst({ where: { casusId: b.casusId }, orderBy: { versie: 'desc' } });
      const row = { ...b, versie: (previous?.versie ?? 0) + 1, vervangt: previous?.id ?? null };
      await db.triageBesluit.create({ data: row });
      const current = {
        ...row,
        motiveringCategorieen: JSON.parse(row.motiveringCategorieen),
        op: row.op.toISOString(),
      };
      await db.casus.update({ where: { id: b.casusId }, data: { ...t, triage: JSON.stringify(current) } });
      return row;
    },
    /** Every version of the casus' triage decision, oldest first. */
    triageBesluiten: (casusId: string): Promise<TriageBesluitRecord[]> =>
      db.triageBesluit.findMany({ where: { casusId }, orderBy: { versie: 'asc' } }),

    /** Leefgebieden and signalen (JSON text) of these casussen. */
    signalsOf: (ids: string[]): Promise<{ leefgebieden: string; signalen: string }[]> =>
      db.casus.findMany({ where: { id: { in: ids } }, select: { leefgebieden: true, signalen: true } }),

    addDeelnemer: async (casusId: string, partnerId: string, rol: string, sinds: Date): Promise<void> => {
      await db.casusDeelnemer.create({ data: { casusId, partnerId, rol, sinds } });
    },
    isDeelnemer: async (casusId: string, partnerId: string): Promise<boolean> =>
      (await db.casusDeelnemer.findUnique({ where: { casusId_partnerId: { casusId, partnerId } } })) !== null,
    /** Ids of the partners taking part in any of these casussen (repeats included). */
    deelnemersOf: async (casusIds: string[]): Promise<string[]> =>
      (await db.casusDeelnemer.findMany({ where: { casusId: { in: casusIds } }, select: { partnerId: true } })).map(
        (d) => d.partnerId,
      ),

    linkBetrokkene: async (casusId: string, betrokkeneId: string, rol: string): Promise<void> => {
      await db.casusBetrokkene.create({ data: { casusId, betrokkeneId, rol } });
    },
    /** The betrokkene records linked to the casus (as linked: not followed through merges), with their role. */
    betrokkenenOf: (casusId: string): Promise<{ betrokkeneId: string; rol: string }[]> =>
      db.casusBetrokkene.findMany({ where: { casusId }, select: { betrokkeneId: true, rol: true } }),
    /** Which partner referred each casus these betrokkene records are linked to (one row per record and casus). */
    referrersOf: async (betrokkeneIds: string[]): Promise<{ betrokkeneId: string; aanmelderId: string }[]> =>
      (
        await db.casusBetrokkene.findMany({
          where: { betrokkeneId: { in: betrokkeneIds } },
          select: { betrokkeneId: true, casus: { select: { aanmelderId: true } } },
        })
      ).map((r) => ({ betrokkeneId: r.betrokkeneId, aanmelderId: r.casus.aanmelderId })),
    /** Ids of the casussen any of these betrokkene records is linked to (repeats included). */
    casussenOf: async (betrokkeneIds: string[]): Promise<string[]> =>
      (
        await db.casusBetrokkene.findMany({ where: { betrokkeneId: { in: betrokkeneIds } }, select: { casusId: true } })
      ).map((c) => c.casusId),
  };
}

export type CasusRepository = ReturnType<typeof casusRepository>;
