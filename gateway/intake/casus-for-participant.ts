import type { CasusRecord, CasusRepository } from '../../adapters/store/casus-repository.js';
import { DomainError } from '../errors/domain-error.js';

/**
 * The casus, if `partnerId` takes part in it. A casus of someone else answers exactly like a missing
 * one, so a partner cannot learn that a casus exists.
 */
export async function casusForParticipant(
  casussen: Pick<CasusRepository, 'findParticipating'>,
  casusId: string,
  partnerId: string,
): Promise<CasusRecord> {
  const casus = await casussen.findParticipating(casusId, partnerId);
  if (!casus) throw new DomainError('not-found', 'Deze casus bestaat niet.');
  return casus;
}
