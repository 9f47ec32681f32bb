import type { DataProtection } from '../../../adapters/crypto/data-protection.js';
import type { Ledger } from '../../../adapters/ledger/ledger.js';
import type { Repositories } from '../../../adapters/store/repositories.js';
import type { PersoonVerstrekking } from '../../disclosure/per-persoon.js';

/** One disclosure of a person's data, as the log recorded it. */
export interface Ontvangst {
  index: number;
  tijd: string;
  /** The recipient partner. */
  ontvanger: string;
  doel: string;
  casus?: string;
  categorieen: string[];
  /** Ids of the informatie items that left (empty for views that carry no items). */
  items: string[];
  /** `categorie.veld` of the fields that left masked. */
  gemaskeerd: string[];
}

export interface OntvangersDeps {
  dp: Pick<DataProtection, 'subjectRef'>;
  store: { betrokkenen: Pick<Repositories['betrokkenen'], 'recordsOfPerson'> };
  ledger: Pick<Ledger, 'size' | 'entries'>;
}

interface Entry {
  soort: string;
  ontvanger: { partner: string };
  doel: string;
  casus?: string;
  categorieen: string[];
  subjectRefs: string[];
  details?: { perPersoon?: PersoonVerstrekking[] };
}

const PAGE = 2000;

/** What one entry disclosed about the persons behind `refs`, or null when it named none of them. */
function about(e: Entry, refs: Set<string>): Pick<Ontvangst, 'categorieen' | 'items' | 'gemaskeerd'> | null {
  if (e.soort === 'weigering' || !e.subjectRefs.some((r) => refs.has(r))) return null;
  const mine = e.details?.perPersoon?.filter((p) => refs.has(p.ref));
  // Entries without a per-person record (verwijsindex, older entries) disclosed all their categories.
  if (!mine || mine.length === 0) return { categorieen: [...e.categorieen].sort(), items: [], gemaskeerd: [] };
  const union = (f: (p: PersoonVerstrekking) => string[]) => [...new Set(mine.flatMap(f))].sort();
  return {
    categorieen: union((p) => p.categorieen),
    items: union((p) => p.items),
    gemaskeerd: union((p) => p.gemaskeerd),
  };
}

/**
 * Every logged disclosure that carried data of these persons (each with all records merged into or
 * with it), from the log alone: index, time, recipient, purpose, categories, items and masked fields.
 * Refusals are left out: nothing left. `sinds` limits it to entries from that time on.
 */
export async function ontvangersVan(deps: OntvangersDeps, betrokkeneIds: string[], sinds?: Date): Promise<Ontvangst[]> {
  const records = new Set<string>();
  for (const id of betrokkeneIds) for (const r of await deps.store.betrokkenen.recordsOfPerson(id)) records.add(r);
  const refs = new Set([...records].map((r) => deps.dp.subjectRef(r)));
  const out: Ontvangst[] = [];
  const size = await deps.ledger.size();
  for (let from = 0; from < size; from += PAGE) {
    for (const stored of await deps.ledger.entries(from, Math.min(size, from + PAGE))) {
      if (sinds && stored.tijd < sinds) continue;
      const e = JSON.parse(stored.body) as Entry;
      const what = about(e, refs);
      if (!what) continue;
      out.push({
        index: stored.index,
        tijd: stored.tijd.toISOString(),
        ontvanger: e.ontvanger.partner,
        doel: e.doel,
        ...(e.casus ? { casus: e.casus } : {}),
        ...what,
      });
    }
  }
  return out;
}
