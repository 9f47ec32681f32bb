import type { Repositories } from '../../adapters/store/repositories.js';

/**
 * Which partners supplied data about one person, and in which categories: every partner that supplied
 * an item about any record of the person (merged records included), and every partner that referred
 * the person itself (identification, plus the BSN for the record the BSN belongs to). Taking part in a
 * casus is not knowing a person: a partner invited for the child knows nothing of the grandmother.
 */
export async function suppliersOfPerson(
  store: Pick<Repositories, 'casussen' | 'informatie'>,
  records: string[],
  bsnRecord: string | null,
): Promise<Map<string, Set<string>>> {
  const out = new Map<string, Set<string>>();
  const add = (partner: string, ...categories: string[]) => {
    const set = out.get(partner) ?? new Set<string>();
    categories.forEach((c) => set.add(c));
    out.set(partner, set);
  };
  for (const r of await store.casussen.referrersOf(records))
    add(r.aanmelderId, 'identificatie', ...(r.betrokkeneId === bsnRecord ? ['bsn'] : []));
  for (const i of await store.informatie.categoriesBySourceAbout(records)) add(i.bronPartnerId, i.categorie);
  return out;
}
