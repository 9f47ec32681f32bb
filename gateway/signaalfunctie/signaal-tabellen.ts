import { stringify } from 'csv-stringify/sync';
import type { UseCaseDeps } from '../use-case-deps.js';
import { sorteringen, type Indeling } from './indelingen.js';
import { isoDay, kwartalen } from './kwartalen.js';
import { suppressSmallCells, type BeveiligdeTelling, type Telling } from './suppress-small-cells.js';

export interface SignaalVraag {
  van: string;
  tot: string;
  indeling: Indeling;
  gemeente?: string;
}

export interface KwartaalTabel extends BeveiligdeTelling {
  kwartaal: string;
  van: string;
  tot: string;
}

/**
 * Counts of casussen aangemeld per quarter, by the chosen indeling (rows) and gemeente (columns), with
 * small cells suppressed. The suppression runs over every gemeente of the quarter before one is picked,
 * so asking for one gemeente and for the region gives the same, consistent cells: the region total minus
 * the other gemeenten cannot uncover a cell that was suppressed.
 */
export async function signaalTabellen(
  deps: { store: Pick<UseCaseDeps['store'], 'signaal'>; clock: UseCaseDeps['clock'] },
  vraag: SignaalVraag,
  k: number,
): Promise<KwartaalTabel[]> {
  const sortering = sorteringen[vraag.indeling];
  const result: KwartaalTabel[] = [];
  for (const q of kwartalen(vraag.van, vraag.tot)) {
    const casussen = await deps.store.signaal.casussenAangemeld(q.van, q.tot);
    // Duration is measured at the end of the quarter (or now, for the current one): a later query of
    // a past quarter gives the same table.
    const peildatum = new Date(Math.min(q.tot.getTime(), deps.clock.now().getTime()));
    const kolommen = [...new Set(casussen.map((c) => c.gemeente))].sort();
    const rijen =
      sortering.rijen === 'gezien'
        ? [...new Set(casussen.flatMap((c) => sortering.van(c, peildatum)))].sort()
        : [...sortering.rijen];
    const cellen = rijen.map(() => kolommen.map(() => 0));
    for (const c of casussen)
      for (const rij of new Set(sortering.van(c, peildatum))) {
        const r = rijen.indexOf(rij);
        if (r >= 0) cellen[r]![kolommen.indexOf(c.gemeente)]!++;
      }
    const telling: Telling = { rijen, kolommen, cellen, enkelvoudig: sortering.enkelvoudig };
    const veilig = suppressSmallCells(telling, k);
    // A gemeente is free text in an aanmelding: one with fewer than k casussen is not even named, so a
    // word typed there by a single referrer does not reach policy staff.
    const keep = veilig.kolommen.flatMap((g, i) =>
      (vraag.gemeente === undefined || g === vraag.gemeente) && casussen.filter((c) => c.gemeente === g).length >= k
        ? [i]
        : [],
    );
    result.push({
      kwartaal: q.naam,
      van: isoDay(q.van),
      tot: isoDay(new Date(q.tot.getTime() - 1)),
      rijen: veilig.rijen,
      kolommen: keep.map((i) => veilig.kolommen[i]!),
      cellen: veilig.cellen.map((row) => keep.map((i) => row[i]!)),
      rijTotalen: veilig.rijTotalen,
    });
  }
  return result;
}

/**
 * The tables as CSV: one line per quarter, row and gemeente (`regio` for the row total); suppressed cells
 * empty. A gemeente is a supplier's free text: it is quoted as CSV quotes (a `"`, `;` or line break stays
 * inside its cell, so no row can be forged) and a cell a spreadsheet would run as a formula gets a `'`.
 */
export function signaalCsv(tabellen: KwartaalTabel[], indeling: Indeling): string {
  const rows: (string | number)[][] = [];
  for (const t of tabellen)
    t.rijen.forEach((rij, r) => {
      t.kolommen.forEach((g, c) => rows.push([t.kwartaal, rij, g, t.cellen[r]![c] ?? '']));
      rows.push([t.kwartaal, rij, 'regio', t.rijTotalen[r] ?? '']);
    });
  return stringify(rows, {
    header: true,
    columns: ['kwartaal', indeling, 'gemeente', 'aantal'],
    delimiter: ';',
    record_delimiter: 'windows',
    quote_record_delimiter: true,
    escape_formulas: true,
  });
}
