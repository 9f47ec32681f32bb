/** One additive relation: Σ signs[i]·entry[entries[i]] equals a number the reader knows. */
export interface Line {
  entries: number[];
  signs: number[];
}

const EPS = 1e-9;

/**
 * The hidden entries that have one value only, given the published entries and the lines. Row-reduces
 * the lines restricted to the hidden entries (floating point; coefficients are small integers): an entry
 * is fixed exactly when its unit vector lies in their span, which in reduced form means a pivot row
 * with no other non-zero coefficient. One reduction answers for every entry.
 */
export function determinedEntries(lines: Line[], hidden: boolean[]): number[] {
  const unknowns = hidden.flatMap((h, i) => (h ? [i] : []));
  const col = new Map(unknowns.map((u, i) => [u, i]));
  const rows = lines
    .map((l) => {
      const row = new Array<number>(unknowns.length).fill(0);
      l.entries.forEach((x, i) => {
        const j = col.get(x);
        if (j !== undefined) row[j] = l.signs[i]!;
      });
      return row;
    })
    .filter((row) => row.some((v) => v !== 0));
  const fixed: number[] = [];
  let r = 0;
  for (let c = 0; c < unknowns.length && r < rows.length; c++) {
    const pivot = rows.findIndex((row, i) => i >= r && Math.abs(row[c]!) > EPS);
    if (pivot < 0) continue;
    [rows[r], rows[pivot]] = [rows[pivot]!, rows[r]!];
    const p = rows[r]!;
    for (let i = 0; i < rows.length; i++) {
      if (i === r) continue;
      const f = rows[i]![c]! / p[c]!;
      if (Math.abs(f) > EPS) rows[i] = rows[i]!.map((v, j) => v - f * p[j]!);
    }
    r++;
  }
  for (const row of rows.slice(0, r)) {
    const nonZero = row.flatMap((v, j) => (Math.abs(v) > EPS ? [j] : []));
    if (nonZero.length === 1) fixed.push(unknowns[nonZero[0]!]!);
  }
  return fixed.sort((a, b) => a - b);
}
