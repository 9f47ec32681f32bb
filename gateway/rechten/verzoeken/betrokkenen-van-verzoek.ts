import type { UseCaseDeps } from '../../use-case-deps.js';
import { persoonVanVerzoek } from './persoon-van-verzoek.js';

/**
 * The betrokkene records of a request's person (matched by the keyed BSN pseudonym, merged records
 * included): what erasure, rectification and the access report act on. Empty when the person is
 * unknown or the request does not exist.
 */
export async function betrokkenenVanVerzoek(deps: Pick<UseCaseDeps, 'store'>, verzoekId: string): Promise<string[]> {
  const r = await deps.store.rechtenverzoeken.findById(verzoekId);
  return r ? (await persoonVanVerzoek(deps.store, r.bsnPseudoniem)).betrokkenen : [];
}
