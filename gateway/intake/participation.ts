import { DomainError } from '../errors/domain-error.js';
import type { Tx } from './intake-deps.js';

/**
 * The casus, if `partnerId` takes part in it. A casus of someone else answers exactly like a missing
 * one, so a partner cannot learn that a casus exists.
 */
export async function casusForParticipant(tx: Tx, casusId: string, partnerId: string) {
  const casus = await tx.casus.findUnique({ where: { id: casusId } });
  const deelnemer = casus && (await tx.casusDeelnemer.findUnique({ where: { casusId_partnerId: { casusId, partnerId } } }));
  if (!casus || !deelnemer) throw new DomainError('not-found', 'Deze casus bestaat niet.');
  return casus;
}
