import type { Casus, Db } from '../../adapters/store/open-store.js';
import { DomainError } from '../errors/domain-error.js';
import type { Tx } from './intake-deps.js';

/**
 * The casus, only when `partnerId` takes part in it; otherwise null (missing or not theirs: the same).
 * Raw SQL because every pull and every delivery starts here: Prisma's query compiler costs about
 * 2× the query itself on this path (`npm run bench`, pull-https), and the row types map the same.
 */
export async function participatingCasus(db: Tx | Db, casusId: string, partnerId: string): Promise<Casus | null> {
  const rows = await db.$queryRaw<Casus[]>`
    SELECT c.* FROM "Casus" c
    WHERE c."id" = ${casusId} AND EXISTS (SELECT 1 FROM "CasusDeelnemer" d WHERE d."casusId" = c."id" AND d."partnerId" = ${partnerId})`;
  return rows[0] ?? null;
}

/**
 * The casus, if `partnerId` takes part in it. A casus of someone else answers exactly like a missing
 * one, so a partner cannot learn that a casus exists.
 */
export async function casusForParticipant(tx: Tx, casusId: string, partnerId: string) {
  const casus = await participatingCasus(tx, casusId, partnerId);
  if (!casus) throw new DomainError('not-found', 'Deze casus bestaat niet.');
  return casus;
}
