import type { DbClient } from './db-client.js';

/** A stored answer to a request sent with an Idempotency-Key. */
export interface IdempotencyRecord {
  partnerId: string;
  sleutel: string;
  verzoekHash: string;
  status: number;
  /** The answer's body as JSON text. */
  antwoord: string;
  locatie: string | null;
}

/** Answers stored per partner and Idempotency-Key, so a retry gets the first answer again. */
export function idempotencyRepository(db: DbClient) {
  return {
    find: (partnerId: string, sleutel: string): Promise<IdempotencyRecord | null> =>
      db.idempotentVerzoek.findUnique({
        where: { partnerId_sleutel: { partnerId, sleutel } },
        select: { partnerId: true, sleutel: true, verzoekHash: true, status: true, antwoord: true, locatie: true },
      }),
    /** Stores the answer; a concurrent first attempt with the same key makes this throw a unique violation. */
    save: async (r: IdempotencyRecord): Promise<void> => {
      await db.idempotentVerzoek.create({ data: r });
    },
  };
}

export type IdempotencyRepository = ReturnType<typeof idempotencyRepository>;
