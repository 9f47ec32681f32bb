import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import type { StoredEntry } from '../../../../adapters/ledger/ledger-storage.js';
import { firstIndexFrom } from '../../../../gateway/disclosure/review.js';

/** A log whose entries carry the given times, in append order. */
const logOf = (times: number[]) => ({
  size: async () => times.length,
  entries: async (from: number, to: number): Promise<StoredEntry[]> =>
    times
      .slice(from, to)
      .map((t, i) => ({ index: from + i, leafHash: Buffer.alloc(32), body: '{}', tijd: new Date(t) })),
});

describe('finding where recent entries start', () => {
  it('gives the first entry no more than the slack older than the time asked, for any log in time order (property)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.nat({ max: 1_000_000 }), { maxLength: 200 }),
        fc.nat({ max: 1_100_000 }),
        fc.nat({ max: 1000 }),
        async (raw, time, slack) => {
          const times = [...raw].sort((a, b) => a - b);
          const expected = times.findIndex((t) => t >= time - slack);
          assert.equal(await firstIndexFrom(logOf(times), time, slack), expected === -1 ? times.length : expected);
        },
      ),
    );
  });

  it('keeps an entry whose clock ran behind by less than the slack', async () => {
    const day = 86_400_000;
    assert.equal(await firstIndexFrom(logOf([0, 10 * day, 20 * day - 3_600_000, 20 * day, 21 * day]), 20 * day), 2);
  });
});
