import type { Repositories } from '../../adapters/store/repositories.js';
import { persoonVanVerzoek } from '../rechten/verzoeken/persoon-van-verzoek.js';

/**
 * The betrokkene records of every person with an open subject-rights request other than erasure: their
 * items are not deleted by retention until the request is closed. The answer to an access request
 * must cover the data held when it arrived (EDPB Guidelines 01/2022 on the right of access, on the
 * moment of assessment), and a rectification, restriction or objection is about data that must still
 * be there to be decided on. An erasure request asks for what retention would do anyway.
 */
export async function verzoekBewaard(
  store: Pick<Repositories, 'rechtenverzoeken' | 'betrokkenen'>,
): Promise<Set<string>> {
  const open = (await store.rechtenverzoeken.list({ open: true })).filter((r) => r.soort !== 'wissing');
  const betrokkenen = new Set<string>();
  for (const pseudoniem of new Set(open.map((r) => r.bsnPseudoniem)))
    for (const id of (await persoonVanVerzoek(store, pseudoniem)).betrokkenen) betrokkenen.add(id);
  return betrokkenen;
}
