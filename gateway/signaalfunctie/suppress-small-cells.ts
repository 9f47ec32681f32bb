import { determinedEntries, type Line } from './determined-cells.js';

/** A count table: one row per category of the chosen indeling, one column per gemeente. */
export interface Telling {
  rijen: string[];
  kolommen: string[];
  /** cellen[r][c]: casussen of category r in gemeente c. */
  cellen: number[][];
  /**
   * Whether each casus falls in exactly one row (triage-uitkomst, duur, heraanmelding). Then a column's
   * sum is the number of casussen in that gemeente, which another indeling publishes: the column is a
   * line an attacker can subtract along, so it is protected as one.
   */
  enkelvoudig: boolean;
}

/** What may be published: `null` is a suppressed cell. */
export interface BeveiligdeTelling {
  rijen: string[];
  kolommen: string[];
  cellen: (number | null)[][];
  /** Per row, the total over all gemeenten (the region). */
  rijTotalen: (number | null)[];
}

/**
 * Small-cell suppression with complementary suppression. Entries are the cells and the row totals
 * (index r*C+c for a cell, R*C+r for row r's total). Primary: every entry under k (zero included).
 * Complementary: every line (a row with its total; for `enkelvoudig` tables also each column and the
 * column of row totals, whose sums are assumed known) that holds a suppressed entry must hold at least
 * two whose values add up to at least k, so subtracting the published entries from the line's sum
 * leaves an interval [0, ≥k] for each of them, not a value. The smallest published cell of the line is
 * added (a total only when no cell is left). Finally no suppressed entry may be fixed by any
 * combination of the lines (a rank test); if one is, the smallest published cell beside it goes too.
 */
export function suppressSmallCells(t: Telling, k: number): BeveiligdeTelling {
  const R = t.rijen.length;
  const C = t.kolommen.length;
  const value = [...t.cellen.flat(), ...t.cellen.map((row) => row.reduce((a, b) => a + b, 0))];
  const isTotal = (e: number) => e >= R * C;
  const hidden = value.map((v) => v < k);
  const lines = linesOf(t, k);
  const complete = (line: Line) => {
    const sup = line.entries.filter((e) => hidden[e]);
    const sum = sup.reduce((a, e) => a + value[e]!, 0);
    return sup.length === 0 || (sup.length >= 2 && sum >= k);
  };
  const hideSmallestIn = (line: Line): boolean => {
    const open = line.entries.filter((e) => !hidden[e]);
    const cells = open.filter((e) => !isTotal(e));
    const pick = (cells.length > 0 ? cells : open).sort((a, b) => value[a]! - value[b]! || a - b)[0];
    if (pick === undefined) return false;
    hidden[pick] = true;
    return true;
  };
  for (let changed = true; changed;) {
    changed = false;
    for (const line of lines) while (!complete(line) && hideSmallestIn(line)) changed = true;
    if (changed) continue;
    changed = determinedEntries(lines, hidden).some((fixed) =>
      lines.filter((l) => l.entries.includes(fixed)).some(hideSmallestIn),
    );
  }
  const shown = (e: number) => (hidden[e] ? null : value[e]!);
  return {
    rijen: t.rijen,
    kolommen: t.kolommen,
    cellen: t.cellen.map((row, r) => row.map((_, c) => shown(r * C + c))),
    rijTotalen: t.rijen.map((_, r) => shown(R * C + r)),
  };
}

/**
 * The additive lines of the table: a row's cells minus its total is zero; in an `enkelvoudig` table a
 * column's cells add up to the gemeente's number of casussen and the row totals to the region's, which
 * other indelingen may reveal.
 */
export function linesOf(t: Telling, k: number): Line[] {
  const R = t.rijen.length;
  const C = t.kolommen.length;
  const range = (n: number) => Array.from({ length: n }, (_, i) => i);
  const rows = range(R).map((r) => ({
    entries: [...range(C).map((c) => r * C + c), R * C + r],
    signs: [...range(C).map(() => 1), -1],
  }));
  if (!t.enkelvoudig) return rows;
  // A sum under k is itself suppressed wherever it would appear, so nobody knows it to subtract from.
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  const cols = range(C)
    .filter((c) => sum(range(R).map((r) => t.cellen[r]![c]!)) >= k)
    .map((c) => ({ entries: range(R).map((r) => r * C + c), signs: range(R).map(() => 1) }));
  const all =
    sum(t.cellen.flat()) >= k ? [{ entries: range(R).map((r) => R * C + r), signs: range(R).map(() => 1) }] : [];
  return [...rows, ...cols, ...all];
}
