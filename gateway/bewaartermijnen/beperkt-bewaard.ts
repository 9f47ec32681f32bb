import type { Repositories } from '../../adapters/store/repositories.js';

/**
 * What an open restriction of processing (AVG art. 18) keeps from retention: the items it names and
 * every item about a person restricted as a whole (all of that person's records, merged ones included).
 * Art. 18(1)(c) is exactly the case of data the controller no longer needs but the person wants kept
 * for a legal claim, and 18(2) leaves storage as the one processing allowed: deleting would defeat it.
 * Objections and disputes do not keep anything (erasure is what an objection may lead to).
 */
export async function beperktBewaard(
  store: Pick<Repositories, 'beperkingen' | 'betrokkenen'>,
): Promise<{ items: Set<string>; betrokkenen: Set<string> }> {
  const open = await store.beperkingen.openVanSoort('beperking');
  const items = new Set(open.flatMap((b) => (b.itemId ? [b.itemId] : [])));
  const betrokkenen = new Set<string>();
  for (const b of open.filter((x) => x.itemId === null))
    for (const id of await store.betrokkenen.recordsOfPerson(b.betrokkeneId)) betrokkenen.add(id);
  return { items, betrokkenen };
}
