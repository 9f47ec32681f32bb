import type { DbClient } from './db-client.js';

export interface CovenantVersionRecord {
  id: string;
  convenantId: string;
  versie: string;
  geldigVanaf: Date;
  geldigTot: Date | null;
  sha256: string;
  /** The covenant's source text (YAML). */
  bron: string;
}

/** The text of every covenant version ever loaded, by hash. */
export function covenantVersionRepository(db: DbClient) {
  return {
    existsWithHash: async (sha256: string): Promise<boolean> =>
      (await db.convenantVersie.findUnique({ where: { sha256 }, select: { id: true } })) !== null,
    existsWithLabel: async (convenantId: string, versie: string): Promise<boolean> =>
      (await db.convenantVersie.findUnique({
        where: { convenantId_versie: { convenantId, versie } },
        select: { id: true },
      })) !== null,
    create: async (v: CovenantVersionRecord): Promise<void> => {
      await db.convenantVersie.create({ data: v });
    },
  };
}

export type CovenantVersionRepository = ReturnType<typeof covenantVersionRepository>;
