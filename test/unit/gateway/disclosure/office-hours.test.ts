import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { amsterdamWallClock, isOfficeHours } from '../../../../gateway/disclosure/office-hours.js';

const at = (iso: string) => amsterdamWallClock(new Date(iso));

describe('Amsterdam wall-clock time and office hours', () => {
  it('is UTC+1 in winter and UTC+2 in summer', () => {
    assert.deepEqual(at('2026-01-15T12:00:00Z'), { weekday: 4, hour: 13, minute: 0 });
    assert.deepEqual(at('2026-07-15T12:00:00Z'), { weekday: 3, hour: 14, minute: 0 });
  });

  it('skips 02:00–03:00 on the last Sunday of March (2026-03-29): 01:59 is followed by 03:00', () => {
    assert.deepEqual(at('2026-03-29T00:59:00Z'), { weekday: 0, hour: 1, minute: 59 });
    assert.deepEqual(at('2026-03-29T01:00:00Z'), { weekday: 0, hour: 3, minute: 0 });
  });

  it('repeats 02:00–03:00 on the last Sunday of October (2026-10-25): both 02:30s read 02:30', () => {
    assert.deepEqual(at('2026-10-25T00:30:00Z'), { weekday: 0, hour: 2, minute: 30 }, 'summer time 02:30');
    assert.deepEqual(at('2026-10-25T01:30:00Z'), { weekday: 0, hour: 2, minute: 30 }, 'winter time 02:30');
    assert.deepEqual(at('2026-10-25T02:00:00Z'), { weekday: 0, hour: 3, minute: 0 });
  });

  it('opens at 07:00 Amsterdam time, which is 05:00 UTC the Monday after the March change', () => {
    assert.equal(isOfficeHours(new Date('2026-03-30T04:59:59Z')), false, '06:59:59 CEST');
    assert.equal(isOfficeHours(new Date('2026-03-30T05:00:00Z')), true, '07:00 CEST');
    assert.equal(isOfficeHours(new Date('2026-03-27T05:30:00Z')), false, 'the Friday before: 06:30 CET');
  });

  it('closes at 19:00 Amsterdam time, which is 18:00 UTC the Monday after the October change', () => {
    assert.equal(isOfficeHours(new Date('2026-10-26T17:59:59Z')), true, '18:59:59 CET');
    assert.equal(isOfficeHours(new Date('2026-10-26T18:00:00Z')), false, '19:00 CET');
    assert.equal(isOfficeHours(new Date('2026-10-23T17:30:00Z')), false, 'the Friday before: 19:30 CEST');
  });

  it('is closed all weekend, including the Sunday hours that happen twice or not at all', () => {
    for (const iso of ['2026-03-29T01:00:00Z', '2026-10-25T00:30:00Z', '2026-10-25T10:00:00Z', '2026-10-24T10:00:00Z'])
      assert.equal(isOfficeHours(new Date(iso)), false, iso);
  });

  it('reads Friday 23:30 UTC as Saturday in Amsterdam (closed), and Sunday 23:30 UTC in winter as Monday 00:30', () => {
    assert.equal(at('2026-01-16T23:30:00Z').weekday, 6);
    assert.deepEqual(at('2026-01-18T23:30:00Z'), { weekday: 1, hour: 0, minute: 30 });
  });
});
