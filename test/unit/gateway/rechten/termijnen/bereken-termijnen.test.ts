import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { berekenTermijnen } from '../../../../../gateway/rechten/termijnen/bereken-termijnen.js';
import { isWerkdag } from '../../../../../gateway/rechten/termijnen/feestdagen.js';
import { datum, plusMaanden, plusWeken } from '../../../../../gateway/rechten/termijnen/kalender.js';
import {
  type Regime,
  type VerzoekSoort,
  regimes,
  termijnen,
  verzoekSoorten,
} from '../../../../../gateway/rechten/termijnen/regimes.js';
import { weigeringVanVerlenging } from '../../../../../gateway/rechten/termijnen/verlenging.js';

const avg = (ontvangen: string, verlengingMaanden?: number) =>
  berekenTermijnen({ ontvangen, soort: 'inzage', regimes: ['AVG'], verlengingMaanden }).uiterlijk;

describe('the deadline of a subject-rights request', () => {
  it('is one month under the AVG, 31 January giving the end of February', () => {
    assert.equal(avg('2025-01-31'), '2025-02-28');
    assert.equal(avg('2024-01-31'), '2024-02-29');
    assert.equal(avg('2026-03-30'), '2026-04-30');
    assert.equal(avg('2024-12-31'), '2025-01-31');
  });

  it('moves off a weekend to the Monday', () => {
    assert.equal(avg('2025-12-31'), '2026-02-02', '31 January 2026 is a Saturday');
    assert.equal(avg('2026-01-14'), '2026-02-16', '14 February 2026 is a Saturday');
  });

  it('moves off Dutch public holidays', () => {
    assert.equal(avg('2026-03-03'), '2026-04-07', 'Goede Vrijdag, the weekend and Tweede Paasdag');
    assert.equal(avg('2026-03-06'), '2026-04-07', 'Tweede Paasdag');
    assert.equal(avg('2026-03-27'), '2026-04-28', 'Koningsdag');
    assert.equal(avg('2026-04-05'), '2026-05-06', 'Bevrijdingsdag');
    assert.equal(avg('2026-04-14'), '2026-05-15', 'Hemelvaartsdag');
    assert.equal(avg('2026-04-25'), '2026-05-26', 'Tweede Pinksterdag');
    assert.equal(avg('2026-11-25'), '2026-12-28', 'both Christmas days and a Sunday');
    assert.equal(avg('2025-12-01'), '2026-01-02', 'Nieuwjaarsdag');
  });

  it('moves off a day a royal decree equated with a holiday when told of it', () => {
    const r = berekenTermijnen({
      ontvangen: '2026-04-14',
      soort: 'inzage',
      regimes: ['AVG'],
      extraFeestdagen: new Set(['2026-05-15']),
    });
    assert.equal(r.uiterlijk, '2026-05-18');
  });

  it('is six weeks for police data and four for justice data, citing the article', () => {
    const wpg = berekenTermijnen({ ontvangen: '2026-02-02', soort: 'inzage', regimes: ['Wpg'] });
    assert.equal(wpg.uiterlijk, '2026-03-16');
    assert.match(wpg.perRegime[0]!.artikel, /Wpg art\. 25 lid 1/);
    assert.deepEqual(wpg.perRegime[0]!.terugkijkperiode?.jaren, 4);
    const wjsg = berekenTermijnen({ ontvangen: '2026-02-02', soort: 'inzage', regimes: ['Wjsg'] });
    assert.equal(wjsg.uiterlijk, '2026-03-02');
    assert.match(wjsg.perRegime[0]!.artikel, /Wjsg art\. 18/);
    const rectificatie = berekenTermijnen({ ontvangen: '2026-02-02', soort: 'rectificatie', regimes: ['Wpg'] });
    assert.match(rectificatie.perRegime[0]!.artikel, /Wpg art\. 28/);
  });

  it('applies the AVG to Jeugdwet data', () => {
    assert.equal(
      berekenTermijnen({ ontvangen: '2025-01-31', soort: 'wissing', regimes: ['Jeugdwet'] }).uiterlijk,
      '2025-02-28',
    );
  });

  it('lets the earliest regime govern a request touching two, and shows each', () => {
    const r = berekenTermijnen({ ontvangen: '2026-01-31', soort: 'inzage', regimes: ['Wpg', 'AVG'] });
    assert.equal(r.bepalendRegime, 'AVG');
    assert.equal(r.uiterlijk, '2026-03-02');
    assert.deepEqual(
      r.perRegime.map((p) => [p.regime, p.uiterlijk]),
      [
        ['Wpg', '2026-03-16'],
        ['AVG', '2026-03-02'],
      ],
    );
    const verlengd = berekenTermijnen({
      ontvangen: '2026-01-31',
      soort: 'inzage',
      regimes: ['Wpg', 'AVG'],
      verlengingMaanden: 2,
    });
    assert.equal(verlengd.bepalendRegime, 'Wpg', 'an AVG extension does not extend the police term');
    assert.equal(verlengd.uiterlijk, '2026-03-16');
    assert.equal(verlengd.perRegime[1]!.uiterlijk, '2026-04-30');
  });

  it('falls back to the AVG when no partner supplied data about the person', () => {
    assert.equal(berekenTermijnen({ ontvangen: '2025-01-31', soort: 'inzage', regimes: [] }).bepalendRegime, 'AVG');
  });
});

describe('extending the term (AVG art. 12 lid 3)', () => {
  const base = { ontvangen: '2026-01-15', soort: 'inzage' as const, regimes: ['AVG'] as Regime[], alVerlengd: false };

  it('is allowed with reasons, for at most two months, within the first month', () => {
    assert.equal(weigeringVanVerlenging({ ...base, op: '2026-02-16', maanden: 2, reden: 'complex' }), null);
  });

  it('is refused after the first month, longer than two months, without a reason, or twice', () => {
    assert.deepEqual(weigeringVanVerlenging({ ...base, op: '2026-02-17', maanden: 1, reden: 'x' }), {
      code: 'te-laat',
      uiterlijk: '2026-02-16',
    });
    assert.deepEqual(weigeringVanVerlenging({ ...base, op: '2026-01-20', maanden: 3, reden: 'x' }), {
      code: 'te-lang',
      maximum: 2,
    });
    assert.deepEqual(weigeringVanVerlenging({ ...base, op: '2026-01-20', maanden: 1, reden: '  ' }), {
      code: 'reden-ontbreekt',
    });
    assert.deepEqual(weigeringVanVerlenging({ ...base, alVerlengd: true, op: '2026-01-20', maanden: 1, reden: 'x' }), {
      code: 'al-verlengd',
    });
  });

  it('is refused when no regime of the request allows one', () => {
    assert.deepEqual(weigeringVanVerlenging({ ...base, regimes: ['Wpg'], op: '2026-01-20', maanden: 1, reden: 'x' }), {
      code: 'niet-verlengbaar',
    });
  });
});

describe('deadlines for any receipt date (property)', () => {
  const dag = fc.integer({ min: 0, max: 365 * 100 }).map((n) => {
    const d = new Date(Date.UTC(2000, 0, 1) + n * 86_400_000);
    return datum(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
  });
  const regimeSet = fc.subarray([...regimes], { minLength: 1 });
  const soort = fc.constantFrom<VerzoekSoort>(...verzoekSoorten);
  const plain = (ontvangen: string, r: Regime, s: VerzoekSoort) => {
    const p = termijnen[r][s].periode;
    return 'maanden' in p ? plusMaanden(ontvangen, p.maanden) : plusWeken(ontvangen, p.weken);
  };

  it('never ends on a weekend or holiday, and never before the plain calendar result', () => {
    fc.assert(
      fc.property(dag, regimeSet, soort, (ontvangen, rs, s) => {
        const r = berekenTermijnen({ ontvangen, soort: s, regimes: rs });
        assert.ok(isWerkdag(r.uiterlijk), `${r.uiterlijk} is a working day`);
        for (const p of r.perRegime) {
          assert.ok(isWerkdag(p.uiterlijk));
          assert.ok(p.uiterlijk >= plain(ontvangen, p.regime, s), `${p.uiterlijk} not before the calendar date`);
        }
        assert.equal(r.uiterlijk, r.perRegime.map((p) => p.uiterlijk).sort()[0], 'the earliest governs');
      }),
    );
  });

  it('is monotone in the receipt date', () => {
    fc.assert(
      fc.property(dag, dag, regimeSet, soort, (a, b, rs, s) => {
        const [early, late] = a <= b ? [a, b] : [b, a];
        const x = berekenTermijnen({ ontvangen: early, soort: s, regimes: rs }).uiterlijk;
        const y = berekenTermijnen({ ontvangen: late, soort: s, regimes: rs }).uiterlijk;
        assert.ok(x <= y, `${early}→${x} not after ${late}→${y}`);
      }),
    );
  });
});
