import type { RechtenverzoekRecord } from '../../../adapters/store/rechtenverzoek-repository.js';
import type { Repositories } from '../../../adapters/store/repositories.js';
import { DomainError } from '../../errors/domain-error.js';
import { inVerzoekScope, type VerzoekScope } from './verzoek-scope.js';

/** A request within the caller's scope; one outside it answers exactly as a missing one. */
export async function vindVerzoek(
  store: Pick<Repositories, 'rechtenverzoeken'>,
  scope: VerzoekScope,
  id: string,
): Promise<RechtenverzoekRecord> {
  const r = await store.rechtenverzoeken.findById(id);
  if (!r || !inVerzoekScope(scope, r)) throw new DomainError('not-found', 'Verzoek niet gevonden.');
  return r;
}
