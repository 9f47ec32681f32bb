import type { CompiledCovenant } from '../../../policies/covenant/compile-covenant.js';
import { selects } from '../../../policies/engine/decide.js';
import type { Gegeven } from './gegevens-van-persoon.js';
import type { InzageBron } from './inzagerapport-types.js';

type Beschrijving = Pick<InzageBron, 'doelen' | 'grondslagen' | 'categorieen'>;

/** The covenant's retention period for what this source supplies in this category (its aanleveren permit). */
function bewaartermijn(covenant: CompiledCovenant, bron: { id: string; soort: string }, categorie: string) {
  const rule = covenant.rules.find(
    (r) =>
      r.effect === 'permit' &&
      r.actie === 'aanleveren' &&
      r.bewaartermijn &&
      r.covers.has(categorie) &&
      selects(r.leverancier, bron),
  );
  return rule?.bewaartermijn && { duur: rule.bewaartermijn.duur, vanaf: rule.bewaartermijn.vanaf };
}

/** The purposes, legal bases and categories (with retention) of a source's items, in the covenant's words. */
export function bronBeschrijving(
  covenant: CompiledCovenant | undefined,
  bron: { id: string; soort: string },
  gegevens: Gegeven[],
): Beschrijving {
  const uniek = (f: (g: Gegeven) => string) => [...new Set(gegevens.map(f))].sort();
  return {
    doelen: uniek((g) => g.doel).map((key) => ({
      key,
      omschrijving: covenant?.purposes.get(key)?.omschrijving ?? key,
    })),
    grondslagen: uniek((g) => g.grondslag).map((key) => {
      const g = covenant?.grondslagen.get(key);
      return { key, avg: g?.avg ?? 'onbekend', ...(g?.nationaal ? { nationaal: g.nationaal } : {}) };
    }),
    categorieen: uniek((g) => g.categorie).map((key) => {
      const termijn = covenant && bewaartermijn(covenant, bron, key);
      return {
        key,
        omschrijving: covenant?.categories.get(key)?.omschrijving ?? key,
        ...(termijn ? { bewaartermijn: termijn } : {}),
      };
    }),
  };
}
