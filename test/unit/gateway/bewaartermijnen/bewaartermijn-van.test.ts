import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { bewaardTot, bewaartermijnVan, plus } from '../../../../gateway/bewaartermijnen/bewaartermijn-van.js';
import { defaultCovenantDir } from '../../../../gateway/covenant/record-covenant-version.js';
import { loadCovenantText } from '../../../../policies/covenant/load-covenant-text.js';

const covenant = loadCovenantText(
  readFileSync(join(defaultCovenantDir, 'zvh-demo-2026.1.yaml'), 'utf8'),
  'zvh-demo-2026.1.yaml',
).covenant;

describe('bewaartermijnVan', () => {
  it('adds ISO 8601 years, months, weeks and days in UTC calendar terms', () => {
    const start = new Date('2024-01-31T12:00:00Z');
    assert.equal(plus(start, 'P2Y').toISOString(), '2026-01-31T12:00:00.000Z');
    assert.equal(plus(start, 'P1W3D').toISOString(), '2024-02-10T12:00:00.000Z');
    assert.throws(() => plus(start, 'PT5H'), /geen ISO 8601-duur/);
  });

  it('takes the period of the supplier’s aanleveren rule for the category (a child category inherits)', () => {
    assert.deepEqual(bewaartermijnVan(covenant, 'politiegegevens', { id: 'politie-demo', soort: 'politie' }), {
      duur: 'P2Y',
      vanaf: 'afsluiting',
    });
    assert.deepEqual(bewaartermijnVan(covenant, 'wonen', { id: 'gemeente-demo', soort: 'gemeente' }), {
      duur: 'P5Y',
      vanaf: 'afsluiting',
    });
    assert.equal(
      bewaartermijnVan(covenant, 'politiegegevens', { id: 'ggz-demo', soort: 'ggz' }),
      undefined,
      'no rule lets GGZ supply police data, so none gives it a period',
    );
  });

  it('cannot end a period counted from closing while the casus is open', () => {
    const termijn = { duur: 'P1Y', vanaf: 'afsluiting' as const };
    assert.equal(bewaardTot(termijn, { ontvangenOp: new Date(0), casusAfgeslotenOp: null }), null);
    assert.equal(
      bewaardTot(
        { duur: 'P1Y', vanaf: 'ontvangst' },
        { ontvangenOp: new Date('2020-05-01T00:00:00Z'), casusAfgeslotenOp: null },
      )!.toISOString(),
      '2021-05-01T00:00:00.000Z',
    );
  });
});
