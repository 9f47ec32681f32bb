import type { DataProtection } from '../../adapters/crypto/data-protection.js';
import type { Judged } from './judge-candidates.js';

/** What one answer disclosed about one person: keyed reference, categories, item ids, masked fields. */
export interface PersoonVerstrekking {
  /** `dp.subjectRef(betrokkeneId)`: the same keyed reference as in `subjectRefs`. */
  ref: string;
  categorieen: string[];
  /** Ids of the informatie items about the person that left (other views name categories only). */
  items: string[];
  /** `categorie.veld` of every field that was about the person but left masked: names, never values. */
  gemaskeerd: string[];
}

const sorted = (s: Set<string>) => [...s].sort();

/**
 * Per person, what left in one answer: exactly the persons some allowed piece is about, so a casus
 * with a household names only those whose data went. Refused pieces never count: nothing of them left.
 */
export function perPersoon(dp: Pick<DataProtection, 'subjectRef'>, allowed: Judged[]): PersoonVerstrekking[] {
  const by = new Map<string, { categorieen: Set<string>; items: Set<string>; gemaskeerd: Set<string> }>();
  for (const j of allowed) {
    for (const s of j.candidate.subjects) {
      const p = by.get(s) ?? { categorieen: new Set(), items: new Set(), gemaskeerd: new Set() };
      j.categorieen.forEach((c) => p.categorieen.add(c));
      if (j.candidate.item) p.items.add(j.candidate.item);
      j.gemaskeerd.forEach((v) => p.gemaskeerd.add(`${j.candidate.categorieen[0]}.${v}`));
      by.set(s, p);
    }
  }
  return [...by]
    .map(([s, p]) => ({
      ref: dp.subjectRef(s),
      categorieen: sorted(p.categorieen),
      items: sorted(p.items),
      gemaskeerd: sorted(p.gemaskeerd),
    }))
    .sort((a, b) => a.ref.localeCompare(b.ref));
}
