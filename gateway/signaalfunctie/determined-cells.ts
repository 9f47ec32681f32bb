/** One additive relation: Σ signs[i]·entry[entries[i]] equals a number the reader knows. */
export interface Line {
  entries: number[];
  signs: number[];
}

const EPS = 1e-9;

/** Row-reduces `rows` in place (floating point; the coefficients are small integers) and returns its rank. */
function rank(rows: number[][]): number {
  let r = 0;
  const width = rows[0]?.length ?? 0;
  for (let col = 0; col < width && r < rows.length; col++) {
    const pivot = rows.findIndex((row, i) => i >= r && Math.abs(row[col]!) > EPS);
    if (pivot < 0) continue;
    [rows[r], rows[pivot]] = [rows[pivot]!, rows[r]!];
    const p = rows[r]!;
    for (let i = 0; i < rows.length; i++) {
      if (i === r) continue;
      const f = rows[i]![col]! / p[col]!;
      if (Math.abs(f) > EPS) rows[i] = rows[i]!.map((v, j) => v - f * p[j]!);
    }
    r++;
  }
  return r;
}

/**
 * Whether the hidden entry `e` has one value only, given the published entries and the lines: it has
 * when its unit vector lies in the span of the lines restricted to the hidden entries (then a
 * combination of sums and subtractions isolates it).
 */
export function isDetermined(e: number, lines: Line[], hidden: boolean[]): boolean {
  const unknowns = hidden.flatMap((h, i) => (h ? [i] : []));
  const col = new Map(unknowns.map((u, i) => [u, i]));
  const matrix = lines
    .map((l) => {
      const row = new Array<number>(unknowns.length).fill(0);
      l.entries.forEach((x, i) => {
        const j = col.get(x);
        if (j !== undefined) row[j] = l.signs[i]!;
      });
      return row;
    })
    .filter((row) => row.some((v) => v !== 0));
  const unit = new Array<number>(unknowns.length).fill(0);
  unit[col.get(e)!] = 1;
  const before = rank(matrix.map((r) => [...r]));
  return rank([...matrix.map((r) => [...r]), unit]) === before;
}
