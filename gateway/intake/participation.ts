import type { Db } from '../../adapters/store/open-store.js';
import { DomainError } from '../errors/domain-error.js';
import type { Tx } from './intake-deps.js';

/** The casus, only when `partnerId` takes part in it; otherwise null (missing or not theirs: the same). */
export function participatingCasus(db: Tx | Db, casusId: string, partnerId: string) {
  return db.casus.findFirst({ where: { id: casusId, deelnemers: { some: { partnerId } } } });
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
