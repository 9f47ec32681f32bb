import { join, sqltag as sql } from '@prisma/client/runtime/client';
import type { DbClient } from './db-client.js';

export interface InformatieRecord {
  id: string;
  casusId: string;
  betrokkeneId: string | null;
  bronPartnerId: string;
  categorie: string;
  leefgebied: string | null;
  inhoud: string;
  /** Named parts of the item, as JSON text (ciphertext when `versleuteld`); null when it has none. */
  velden: string | null;
  versleuteld: boolean;
  /** Reference to the person's recorded consent, where the supplier gave one. */
  toestemming: string | null;
  grondslag: string;
  doelVerzameling: string;
  ontvangenOp: Date;
  /** Set when the content was erased. */
  gewistOp?: Date | null;
}

/** What retention looks at of an item: never its content. */
export interface BewaarFeit {
  id: string;
  categorie: string;
  bronPartnerId: string;
  betrokkeneId: string | null;
  ontvangenOp: Date;
  casusAfgeslotenOp: Date | null;
}

/** One row of the informatie view: an item (all null when the casus has none) with its owner's wrapped data key. */
export type InformatieViewRow = { [K in keyof InformatieRecord]: InformatieRecord[K] | null } & {
  dataSleutel: string | null;
  casusFase: string;
  casusCodeRood: boolean;
  casusAanmelder: string;
  /** Whether an open restriction could withhold anything of this casus (SQLite answers 0/1, PostgreSQL a boolean). */
  beperkingMogelijk: boolean | number | bigint;
};

/** Information items partners contributed to casussen. */
export function informatieRepository(db: DbClient) {
  return {
    /**
     * One multi-row INSERT per request. Raw SQL because Prisma's `createMany` spent more in its query
     * compiler and interpreter than SQLite in the insert (`npm run bench`, ingest-https; docs/scale.md).
     * The adapter maps the Date and boolean parameters exactly as for `createMany`.
     */
    addMany: async (
      rows: (Omit<InformatieRecord, 'velden' | 'toestemming'> &
        Partial<Pick<InformatieRecord, 'velden' | 'toestemming'>>)[],
    ): Promise<void> => {
      if (rows.length === 0) return;
      const values = rows.map(
        (r) =>
          sql`(${r.id}, ${r.casusId}, ${r.betrokkeneId}, ${r.bronPartnerId}, ${r.categorie}, ${r.leefgebied}, ${r.inhoud},
            ${r.velden ?? null}, ${r.versleuteld}, ${r.toestemming ?? null}, ${r.grondslag}, ${r.doelVerzameling}, ${r.ontvangenOp})`,
      );
      await db.$executeRaw`
        INSERT INTO "InformatieItem" ("id", "casusId", "betrokkeneId", "bronPartnerId", "categorie", "leefgebied", "inhoud",
          "velden", "versleuteld", "toestemming", "grondslag", "doelVerzameling", "ontvangenOp")
        VALUES ${join(values)}`;
    },
    /** What the triage criteria look at, of every item in these casussen. */
    factsOf: (
      casusIds: string[],
    ): Promise<
      {
        casusId: string;
        categorie: string;
        leefgebied: string | null;
        bronPartnerId: string;
        toestemming: string | null;
      }[]
    > =>
      db.informatieItem.findMany({
        where: { casusId: { in: casusIds } },
        select: { casusId: true, categorie: true, leefgebied: true, bronPartnerId: true, toestemming: true },
      }),
    /** Ids of the partners that supplied anything about these betrokkene records, each once. */
    sourcesAbout: async (betrokkeneIds: string[]): Promise<string[]> =>
      (
        await db.informatieItem.findMany({
          where: { betrokkeneId: { in: betrokkeneIds } },
          select: { bronPartnerId: true },
          distinct: ['bronPartnerId'],
        })
      ).map((i) => i.bronPartnerId),
    /** Which categories each partner supplied about these betrokkene records (one row per pair). */
    categoriesBySourceAbout: (betrokkeneIds: string[]): Promise<{ bronPartnerId: string; categorie: string }[]> =>
      db.informatieItem.findMany({
        where: { betrokkeneId: { in: betrokkeneIds } },
        select: { bronPartnerId: true, categorie: true },
        distinct: ['bronPartnerId', 'categorie'],
      }),

    /** Full records (content as stored) of the items about these betrokkene records. */
    aboutRecords: (betrokkeneIds: string[]): Promise<InformatieRecord[]> =>
      db.informatieItem.findMany({ where: { betrokkeneId: { in: betrokkeneIds } }, orderBy: { id: 'asc' } }),
    find: (id: string): Promise<InformatieRecord | null> => db.informatieItem.findUnique({ where: { id } }),
    /** Replaces an item's stored content (already sealed by the caller). */
    setInhoud: async (id: string, c: Pick<InformatieRecord, 'inhoud' | 'velden' | 'versleuteld'>): Promise<void> => {
      await db.informatieItem.update({ where: { id }, data: c });
    },
    /** Erases the content of these items; the rows (ids, source, category) stay for the access report. */
    wisInhoud: async (ids: string[], at: Date): Promise<void> => {
      await db.informatieItem.updateMany({
        where: { id: { in: ids } },
        data: { inhoud: '', velden: null, versleuteld: false, gewistOp: at },
      });
    },
    /** Retention facts of every item not yet erased (or of those about some records): category, source, receipt and the casus' closing time. */
    bewaarFeiten: async (about?: { betrokkeneIds: string[] }): Promise<BewaarFeit[]> =>
      (
        await db.informatieItem.findMany({
          where: { gewistOp: null, ...(about ? { betrokkeneId: { in: about.betrokkeneIds } } : {}) },
          select: {
            id: true,
            categorie: true,
            bronPartnerId: true,
            betrokkeneId: true,
            ontvangenOp: true,
            casus: { select: { afgeslotenOp: true } },
          },
        })
      ).map(({ casus, ...i }) => ({ ...i, casusAfgeslotenOp: casus.afgeslotenOp })),
    /** Items about a person still stored in plain text (from before every such item was sealed), a batch at a time. */
    plainAboutPersons: (take: number): Promise<InformatieRecord[]> =>
      db.informatieItem.findMany({
        where: { versleuteld: false, betrokkeneId: { not: null }, gewistOp: null },
        orderBy: { id: 'asc' },
        take,
      }),
    /** Deletes these items (retention ended); how many went. */
    deleteMany: async (ids: string[]): Promise<number> =>
      (await db.informatieItem.deleteMany({ where: { id: { in: ids } } })).count,

    /**
     * The informatie view, the most requested read, in one query: the casus (only when `partnerId` takes
     * part — otherwise no rows, exactly as for a missing casus), its items, and their owners' wrapped data
     * keys. Raw SQL because Prisma's query compiler cost more than the query on this path (`npm run bench`,
     * pull-https); the row types map the same on SQLite and PostgreSQL. Every row also says whether any
     * open restriction names one of the casus' items, or, person-wide, a person they are about or a person
     * of the casus, or, when a person of the casus has merged records, names anyone person-wide (it may be
     * another record of theirs) (`beperkingMogelijk`): when none does — nearly always — the pull needs no second query
     * for restrictions; when one does, the restrictions are looked up in full as before.
     */
    view: (casusId: string, partnerId: string): Promise<InformatieViewRow[]> => db.$queryRaw<InformatieViewRow[]>`
      SELECT c."fase" AS "casusFase", c."codeRood" AS "casusCodeRood", c."aanmelderId" AS "casusAanmelder", i.*, b."dataSleutel",
        EXISTS (SELECT 1 FROM "Beperking" bp WHERE bp."opgehevenOp" IS NULL AND (
          bp."itemId" IN (SELECT ii."id" FROM "InformatieItem" ii WHERE ii."casusId" = ${casusId})
          OR (bp."itemId" IS NULL AND (
            bp."betrokkeneId" IN (SELECT ii."betrokkeneId" FROM "InformatieItem" ii WHERE ii."casusId" = ${casusId} AND ii."betrokkeneId" IS NOT NULL)
            OR bp."betrokkeneId" IN (SELECT cb."betrokkeneId" FROM "CasusBetrokkene" cb WHERE cb."casusId" = ${casusId})
            OR EXISTS (SELECT 1 FROM "Betrokkene" m WHERE m."samengevoegdIn" IS NOT NULL AND (
              m."id" IN (SELECT ii."betrokkeneId" FROM "InformatieItem" ii WHERE ii."casusId" = ${casusId})
              OR m."id" IN (SELECT cb."betrokkeneId" FROM "CasusBetrokkene" cb WHERE cb."casusId" = ${casusId})
              OR m."samengevoegdIn" IN (SELECT ii."betrokkeneId" FROM "InformatieItem" ii WHERE ii."casusId" = ${casusId})
              OR m."samengevoegdIn" IN (SELECT cb."betrokkeneId" FROM "CasusBetrokkene" cb WHERE cb."casusId" = ${casusId})))))
        )) AS "beperkingMogelijk"
      FROM "Casus" c
      LEFT JOIN "InformatieItem" i ON i."casusId" = c."id"
      LEFT JOIN "Betrokkene" b ON b."id" = i."betrokkeneId"
      WHERE c."id" = ${casusId} AND EXISTS (SELECT 1 FROM "CasusDeelnemer" d WHERE d."casusId" = c."id" AND d."partnerId" = ${partnerId})
      ORDER BY i."ontvangenOp", i."id"`,
  };
}

export type InformatieRepository = ReturnType<typeof informatieRepository>;
