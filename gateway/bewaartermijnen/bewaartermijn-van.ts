import type { CompiledCovenant } from '../../policies/covenant/compile-covenant.js';
import { selects } from '../../policies/engine/decide.js';

export interface Bewaartermijn {
  duur: string;
  vanaf: 'afsluiting' | 'ontvangst';
}

const DURATION = /^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?$/;

/** `start` plus an ISO 8601 date duration (years, months, weeks, days), in UTC calendar terms. */
export function plus(start: Date, duur: string): Date {
  const m = DURATION.exec(duur);
  if (!m) throw new Error(`bewaartermijn ${duur} is geen ISO 8601-duur in jaren, maanden, weken of dagen`);
  const [, y = '0', mo = '0', w = '0', d = '0'] = m;
  const out = new Date(start);
  out.setUTCFullYear(out.getUTCFullYear() + Number(y), out.getUTCMonth() + Number(mo));
  out.setUTCDate(out.getUTCDate() + Number(w) * 7 + Number(d));
  return out;
}

/**
 * The retention period of a category as its supplier brought it in: the `bewaartermijn` of the
 * permitting `aanleveren` rules that cover the category and select the supplier. Where several
 * apply, the longest (measured from one date): the supplier may rely on any of them.
 */
export function bewaartermijnVan(
  covenant: CompiledCovenant,
  categorie: string,
  bron: { id: string; soort: string },
): Bewaartermijn | undefined {
  const at = new Date(0);
  let best: Bewaartermijn | undefined;
  for (const r of covenant.rulesFor('aanleveren', categorie)) {
    if (r.effect !== 'permit' || !r.bewaartermijn || !selects(r.leverancier, bron)) continue;
    if (!best || plus(at, r.bewaartermijn.duur) > plus(at, best.duur)) best = r.bewaartermijn;
  }
  return best;
}

/** When an item's retention ends; null while it cannot end yet (counted from a casus still open). */
export function bewaardTot(
  termijn: Bewaartermijn,
  item: { ontvangenOp: Date; casusAfgeslotenOp: Date | null },
): Date | null {
  const start = termijn.vanaf === 'ontvangst' ? item.ontvangenOp : item.casusAfgeslotenOp;
  return start ? plus(start, termijn.duur) : null;
}
