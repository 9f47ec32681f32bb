import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { backoffMs } from '../../../../gateway/meldingen/backoff.js';

describe('webhook backoff', () => {
  it('doubles per failure, from 30 s, with at most half of it random', () => {
    assert.deepEqual(
      [1, 2, 3, 4].map((n) => backoffMs(n, () => 0)),
      [15_000, 30_000, 60_000, 120_000],
    );
    assert.equal(
      backoffMs(1, () => 1),
      30_000,
    );
  });

  it('never waits more than six hours nor less than half the exponential step', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 60 }), fc.double({ min: 0, max: 1, noNaN: true }), (n, r) => {
        const ms = backoffMs(n, () => r);
        const step = Math.min(6 * 3600_000, 30_000 * 2 ** (n - 1));
        assert.ok(ms >= step / 2 && ms <= step, `${ms} lies in [${step / 2}, ${step}]`);
      }),
    );
  });
});
