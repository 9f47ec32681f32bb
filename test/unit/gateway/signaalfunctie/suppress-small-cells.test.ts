import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { suppressSmallCells, type Telling } from '../../../../gateway/signaalfunctie/suppress-small-cells.js';

const K = 5;

/** Every value a hidden cell can take given what is published: an attacker's brute force over small tables. */
function feasibleValues(t: Telling, shown: ReturnType<typeof suppressSmallCells>, r0: number, c0: number): Set<number> {
  const R = t.rijen.length;
  const C = t.kolommen.length;
  const colSum = (m: number[][], c: number) => m.reduce((a, row) => a + row[c]!, 0);
  const hidden: [number, number][] = [];
  for (let r = 0; r < R; r++) for (let c = 0; c < C; c++) if (shown.cellen[r]![c] === null) hidden.push([r, c]);
  const max = t.cellen.flat().reduce((a, b) => a + b, 0);
  const values = new Set<number>();
  const grid = shown.cellen.map((row) => row.map((v) => v ?? 0));
  const consistent = () =>
    grid.every((row, r) => shown.rijTotalen[r] === null || row.reduce((a, b) => a + b, 0) === shown.rijTotalen[r]) &&
    (!t.enkelvoudig ||
      // The attacker is granted every column sum (from another indeling) and the region total.
      t.kolommen.every((_, c) => colSum(grid, c) === colSum(t.cellen, c)));
  const walk = (i: number) => {
    if (i === hidden.length) {
      if (consistent()) values.add(grid[r0]![c0]!);
      return;
    }
    const [r, c] = hidden[i]!;
    const cap = t.enkelvoudig ? colSum(t.cellen, c) : max;
    for (let v = 0; v <= cap; v++) {
      grid[r]![c] = v;
      walk(i + 1);
    }
  };
  walk(0);
  return values;
}

const table = (cellen: number[][], enkelvoudig = true): Telling => ({
  rijen: cellen.map((_, r) => `rij${r}`),
  kolommen: cellen[0]!.map((_, c) => `gemeente${c}`),
  cellen,
  enkelvoudig,
});

describe('small-cell suppression', () => {
  it('suppresses a cell under k and a second cell in its row and column, so the totals do not give it away', () => {
    const t = table([
      [3, 6, 8],
      [7, 5, 9],
      [6, 7, 8],
    ]);
    const shown = suppressSmallCells(t, K);
    assert.equal(shown.cellen[0]![0], null, 'the 3 is suppressed');
    const hiddenInRow = shown.cellen[0]!.filter((v) => v === null).length + (shown.rijTotalen[0] === null ? 1 : 0);
    const hiddenInCol = shown.cellen.filter((row) => row[0] === null).length;
    assert.ok(hiddenInRow >= 2, `row 0 hides at least two entries, hid ${hiddenInRow}`);
    assert.ok(hiddenInCol >= 2, `column 0 hides at least two cells, hid ${hiddenInCol}`);
    const recovered = shown.rijTotalen[0]! - (shown.cellen[0]![1] ?? 0) - (shown.cellen[0]![2] ?? 0);
    assert.notEqual(
      shown.rijTotalen[0] !== null && shown.cellen[0]!.filter((v) => v === null).length === 1 ? recovered : -1,
      3,
      'the row total minus the published cells does not give the 3',
    );
    const values = feasibleValues(t, shown, 0, 0);
    assert.ok(values.size > 1, `more than one value fits the published table: ${[...values].join(',')}`);
    for (let v = 0; v < K; v++) assert.ok(values.has(v), `the suppressed cell could be ${v} for all an attacker knows`);
  });

  it('publishes a table without small cells as it is', () => {
    const shown = suppressSmallCells(
      table([
        [10, 20],
        [30, 40],
      ]),
      K,
    );
    assert.deepEqual(shown.cellen, [
      [10, 20],
      [30, 40],
    ]);
    assert.deepEqual(shown.rijTotalen, [30, 70]);
  });

  it('for random tables publishes no cell under k and leaves no suppressed cell derivable by subtraction', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 4 }).chain((R) =>
          fc.integer({ min: 1, max: 4 }).chain((C) =>
            fc.record({
              cellen: fc.array(fc.array(fc.integer({ min: 0, max: 40 }), { minLength: C, maxLength: C }), {
                minLength: R,
                maxLength: R,
              }),
              enkelvoudig: fc.boolean(),
              k: fc.integer({ min: 2, max: 10 }),
            }),
          ),
        ),
        ({ cellen, enkelvoudig, k }) => {
          const t = table(cellen, enkelvoudig);
          const shown = suppressSmallCells(t, k);
          for (const v of [...shown.cellen.flat(), ...shown.rijTotalen])
            assert.ok(v === null || v >= k, `published ${v} is not under ${k}`);
          // Subtraction along a line that hides one entry gives that entry: it may only be one at least k
          // (a cell hidden in vain, such as the only category of a gemeente whose total is known anyway).
          shown.cellen.forEach((row, r) => {
            const hidden = row.flatMap((v, c) => (v === null ? [cellen[r]![c]!] : []));
            if (shown.rijTotalen[r] !== null && hidden.length === 1)
              assert.ok(hidden[0]! >= k, `row ${r} gives away ${hidden[0]} by subtraction`);
          });
          if (enkelvoudig)
            t.kolommen.forEach((_, c) => {
              const colSum = cellen.reduce((a, row) => a + row[c]!, 0);
              const hidden = shown.cellen.flatMap((row, r) => (row[c] === null ? [cellen[r]![c]!] : []));
              if (colSum >= k && hidden.length === 1)
                assert.ok(hidden[0]! >= k, `column ${c} gives away ${hidden[0]} by subtraction`);
            });
        },
      ),
      { numRuns: 300 },
    );
  });

  it('for random small tables lets an attacker who tries every combination not pin a suppressed cell', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 2, maxLength: 2 }), {
          minLength: 2,
          maxLength: 2,
        }),
        (cellen) => {
          const t = table(cellen, false);
          const shown = suppressSmallCells(t, 3);
          shown.cellen.forEach((row, r) =>
            row.forEach((v, c) => {
              if (v !== null) return;
              const values = feasibleValues(t, shown, r, c);
              assert.ok(values.size > 1, `cell ${r},${c} (${cellen[r]![c]}) is not pinned: ${[...values].join(',')}`);
            }),
          );
        },
      ),
      { numRuns: 100 },
    );
  });
});
