import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { amsterdamDayStart, nextDay } from '../../../../gateway/web/amsterdam-day.js';

describe('a calendar day in Amsterdam', () => {
  it('starts at 23:00 UTC the evening before in winter', () => {
    assert.equal(amsterdamDayStart('2026-01-15'), '2026-01-15T00:00:00+01:00', 'CET is UTC+1');
  });

  it('starts at 22:00 UTC the evening before in summer', () => {
    assert.equal(amsterdamDayStart('2026-07-15'), '2026-07-15T00:00:00+02:00', 'CEST is UTC+2');
  });

  it('refuses what is not a date', () => {
    assert.equal(amsterdamDayStart('15-07-2026'), undefined, 'Dutch order is not the form value');
    assert.equal(amsterdamDayStart('2026-13-01'), undefined, 'no thirteenth month');
  });

  it('finds the next day across a month end (for an inclusive "tot en met")', () => {
    assert.equal(nextDay('2026-02-28'), '2026-03-01', 'February 2026 has 28 days');
  });
});
