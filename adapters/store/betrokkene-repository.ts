import { randomUUID } from 'node:crypto';
import type { DbClient } from './db-client.js';

/** A betrokkene as stored: keyed pseudonyms and ciphertext only, the data key wrapped by the server's key. */
export interface NewBetrokkene {
  id: string;
  bsnPseudoniem: string | null;
  bsnVersleuteld: string | null;
  persoonVersleuteld: string;
  matchSleutel: string;
  dataSleutel: string;
  aangemaaktOp: Date;
  /** Keyed blocking keys (HMAC): records sharing one are compared for linking. */
  blokkeerSleutels?: string[];
}

/** The encrypted person data of a record; `dataSleutel` is null once the record was erased (crypto-shredded). */
export interface SealedPersoon {
  persoonVersleuteld: string;
  bsnVersleuteld: string | null;
  dataSleutel: string | null;
}

export interface SysteemRelatieRecord {
  vanId: string;
  naarId: string;
  soort: string;
  bronPartnerId: string;
}

/** How far merges are followed: a chain longer than this is a data error, not a person. */
const MAX_MERGE_DEPTH = 20;

/** Betrokkenen (data subjects), their merges and the family/system relations between them. */
export function betrokkeneRepository(db: DbClient) {
  const mergedInto = async (id: string): Promise<{ samengevoegdIn: string | null } | null> =>
    db.betrokkene.findUnique({ where: { id }, select: { samengevoegdIn: true } });

  /** The record a merged record now lives on: merges can chain, so follow them to the end. */
  const canonical = async (id: string): Promise<string> => {
    let current = id;
    for (let i = 0; i < MAX_MERGE_DEPTH; i++) {
      const row = await mergedInto(current);
      if (!row?.samengevoegdIn) return current;
      current = row.samengevoegdIn;
    }
    return current;
  };

  return {
    create: async ({ blokkeerSleutels = [], ...b }: NewBetrokkene): Promise<void> => {
      await db.betrokkene.create({ data: b });
      if (blokkeerSleutels.length > 0)
        await db.blokkeerSleutel.createMany({
          data: [...new Set(blokkeerSleutels)].map((sleutel) => ({ sleutel, betrokkeneId: b.id })),
        });
    },
    findIdByBsnPseudonym: async (bsnPseudoniem: string): Promise<string | null> =>
      (await db.betrokkene.findUnique({ where: { bsnPseudoniem }, select: { id: true } }))?.id ?? null,
    /** Records that may be the same person: same match key, not merged away, not erased. */
    candidates: (matchSleutel: string): Promise<{ id: string; bsnPseudoniem: string | null }[]> =>
      db.betrokkene.findMany({
        where: { matchSleutel, samengevoegdIn: null, gewistOp: null },
        select: { id: true, bsnPseudoniem: true },
      }),
    /** Records sharing any of these blocking keys (or the older single match key): not merged away, not erased. */
    candidatesByKeys: (
      blokkeerSleutels: string[],
      matchSleutel: string,
    ): Promise<{ id: string; bsnPseudoniem: string | null }[]> =>
      db.betrokkene.findMany({
        where: {
          OR: [{ blokkeerSleutels: { some: { sleutel: { in: blokkeerSleutels } } } }, { matchSleutel }],
          samengevoegdIn: null,
          gewistOp: null,
        },
        select: { id: true, bsnPseudoniem: true },
      }),
    /** Whether a record exists and has a BSN; null when it does not exist. */
    bsnStatus: async (id: string): Promise<{ heeftBsn: boolean; gewist: boolean } | null> => {
      const row = await db.betrokkene.findUnique({ where: { id }, select: { bsnPseudoniem: true, gewistOp: true } });
      return row ? { heeftBsn: row.bsnPseudoniem !== null, gewist: row.gewistOp !== null } : null;
    },
    /** An erased record's person data is gone, even where a key is kept for items under a legal duty. */
    sealed: async (id: string): Promise<SealedPersoon | null> => {
      const row = await db.betrokkene.findUnique({
        where: { id },
        select: { persoonVersleuteld: true, bsnVersleuteld: true, dataSleutel: true, gewistOp: true },
      });
      if (!row) return null;
      const { gewistOp, ...sealed } = row;
      return gewistOp ? { ...sealed, bsnVersleuteld: null, dataSleutel: null } : sealed;
    },
    /** The wrapped data key, or null when the record is missing or erased (nothing new may be sealed under it). */
    dataSleutel: async (id: string): Promise<string | null> => {
      const row = await db.betrokkene.findUnique({ where: { id }, select: { dataSleutel: true, gewistOp: true } });
      return row && !row.gewistOp ? row.dataSleutel : null;
    },
    /** The key the record's items are sealed under, also after a partial erasure (kept items). */
    itemSleutel: async (id: string): Promise<string | null> =>
      (await db.betrokkene.findUnique({ where: { id }, select: { dataSleutel: true } }))?.dataSleutel ?? null,
    /**
     * Erasure of one record: the person data and every linking key (BSN pseudonym, match key, blocking
     * keys, system relations) go; `dataSleutel` is replaced (a fresh key for items kept under a legal
     * duty) or destroyed (null), so every ciphertext under the old key, backups included, is unreadable.
     */
    async wis(id: string, dataSleutel: string | null, at: Date): Promise<void> {
      await db.blokkeerSleutel.deleteMany({ where: { betrokkeneId: id } });
      await db.systeemRelatie.deleteMany({ where: { OR: [{ vanId: id }, { naarId: id }] } });
      await db.betrokkene.update({
        where: { id },
        data: {
          bsnPseudoniem: null,
          bsnVersleuteld: null,
          persoonVersleuteld: '',
          matchSleutel: null,
          dataSleutel,
          gewistOp: at,
        },
      });
    },
    /** When the record was erased; null when it was not (or does not exist). */
    gewistOp: async (id: string): Promise<Date | null> =>
      (await db.betrokkene.findUnique({ where: { id }, select: { gewistOp: true } }))?.gewistOp ?? null,

    /** Null when the record does not exist; else the record it was merged into (null when not merged). */
    mergedInto,
    setMergedInto: async (id: string, target: string | null): Promise<void> => {
      await db.betrokkene.update({ where: { id }, data: { samengevoegdIn: target } });
    },
    canonical,
    /** Every record of one person: the canonical record and all records merged into it, at any depth. */
    async recordsOfPerson(startId: string): Promise<string[]> {
      const root = await canonical(startId);
      const all = new Set([root]);
      let frontier = [root];
      while (frontier.length > 0) {
        const merged = await db.betrokkene.findMany({
          where: { samengevoegdIn: { in: frontier } },
          select: { id: true },
        });
        frontier = merged.map((m) => m.id).filter((id) => !all.has(id));
        frontier.forEach((id) => all.add(id));
      }
      return [...all];
    },

    /** Records a relation unless the same one (from, to, kind) is known already. */
    async addRelatie(r: SysteemRelatieRecord, at: Date): Promise<void> {
      const exists = await db.systeemRelatie.findUnique({
        where: { vanId_naarId_soort: { vanId: r.vanId, naarId: r.naarId, soort: r.soort } },
      });
      if (!exists) await db.systeemRelatie.create({ data: { id: randomUUID(), ...r, aangemaaktOp: at } });
    },
    /** Relations with both ends among `ids`. */
    relatiesBetween: (ids: string[]): Promise<SysteemRelatieRecord[]> =>
      db.systeemRelatie.findMany({
        where: { vanId: { in: ids }, naarId: { in: ids } },
        select: { vanId: true, naarId: true, soort: true, bronPartnerId: true },
      }),
    /** How many relations touch any of `ids`. */
    countRelatiesOf: (ids: string[]): Promise<number> =>
      db.systeemRelatie.count({ where: { OR: [{ vanId: { in: ids } }, { naarId: { in: ids } }] } }),
  };
}

export type BetrokkeneRepository = ReturnType<typeof betrokkeneRepository>;
