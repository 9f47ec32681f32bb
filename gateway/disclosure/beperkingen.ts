import type { BeperkingRecord } from '../../adapters/store/beperking-repository.js';
import type { UseCaseDeps } from '../use-case-deps.js';
import type { Candidate } from './pull-views.js';

/** The purpose and all its ancestors: an objection to a purpose covers the purposes under it. */
function lineage(deps: UseCaseDeps, doel: string): Set<string> {
  const purposes = deps.policy.covenant()?.purposes;
  const out = new Set<string>();
  for (let k: string | undefined = doel; k && !out.has(k); k = purposes?.get(k)?.ouder) out.add(k);
  return out;
}

function applies(b: BeperkingRecord, doelen: Set<string>): boolean {
  if (b.soort !== 'bezwaar' || b.doelen === null) return true;
  return (JSON.parse(b.doelen) as string[]).some((d) => doelen.has(d));
}

/**
 * Which candidates an open restriction, objection or dispute withholds for this purpose, each with the
 * ids of those that do: a person-wide one withholds every piece about the person (a piece about the
 * whole casus included), an item's own withholds the item. An objection names its purposes; the others
 * hold for every purpose. One query per pull, none when nothing could be restricted.
 */
export async function beperkteKandidaten(
  deps: UseCaseDeps,
  candidates: Candidate[],
  doel: string,
): Promise<Map<Candidate, string[]>> {
  const subjects = [...new Set(candidates.flatMap((c) => c.subjects))];
  const items = candidates.flatMap((c) => (c.item ? [c.item] : []));
  const out = new Map<Candidate, string[]>();
  if (subjects.length === 0 && items.length === 0) return out;
  const doelen = lineage(deps, doel);
  // A person-wide one is placed on one record of the person, but holds for every record a merge made
  // theirs (a request by BSN reaches the record with the BSN, the items may be about another).
  const persoon = new Map<string, string[]>();
  for (const s of subjects) persoon.set(s, await deps.store.betrokkenen.recordsOfPerson(s));
  const records = [...new Set([...persoon.values()].flat())];
  const open = (await deps.store.beperkingen.openFor(records, items)).filter((b) => applies(b, doelen));
  if (open.length === 0) return out;
  const about = (c: Candidate, record: string) => c.subjects.some((s) => persoon.get(s)!.includes(record));
  for (const c of candidates) {
    const hits = open.filter((b) => (b.itemId ? b.itemId === c.item : about(c, b.betrokkeneId)));
    if (hits.length > 0) out.set(c, hits.map((b) => b.id).sort());
  }
  return out;
}

/**
 * The open person-wide restrictions (objections: for this purpose) on any of these records: while one
 * holds, even whether partners know the person is withheld (the verwijsindex answers as for a stranger).
 */
export async function persoonBeperkingen(deps: UseCaseDeps, records: string[], doel: string): Promise<string[]> {
  if (records.length === 0) return [];
  const doelen = lineage(deps, doel);
  return (await deps.store.beperkingen.openFor(records, []))
    .filter((b) => b.itemId === null && applies(b, doelen))
    .map((b) => b.id)
    .sort();
}
