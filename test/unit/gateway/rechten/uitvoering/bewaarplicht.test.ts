import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { bewaarplichtGrond } from '../../../../../gateway/rechten/uitvoering/bewaarplicht.js';

const now = new Date('2026-06-01T00:00:00Z');
const termijn = { duur: 'P2Y', vanaf: 'afsluiting' as const };

describe('bewaarplichtGrond', () => {
  it('keeps Wpg and Wjsg data while their retention period runs, naming the ground', () => {
    const open = { ontvangenOp: new Date('2026-01-01'), casusAfgeslotenOp: null };
    assert.equal(bewaarplichtGrond('Wpg', termijn, open, now), 'wettelijke-bewaarplicht-wpg');
    assert.equal(bewaarplichtGrond('Wjsg', termijn, open, now), 'wettelijke-bewaarplicht-wjsg');
  });

  it('lets them go once the period has ended, and never keeps AVG data', () => {
    const closedLongAgo = { ontvangenOp: new Date('2020-01-01'), casusAfgeslotenOp: new Date('2021-01-01') };
    assert.equal(bewaarplichtGrond('Wpg', termijn, closedLongAgo, now), undefined);
    assert.equal(bewaarplichtGrond('AVG', termijn, { ontvangenOp: now, casusAfgeslotenOp: null }, now), undefined);
  });
});
