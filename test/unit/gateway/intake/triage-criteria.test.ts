import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isValidBsn } from '../../../../gateway/intake/bsn.js';
import { evaluateTriage, type TriageFacts } from '../../../../gateway/intake/triage-criteria.js';

const base: TriageFacts = {
  soort: 'persoon',
  leefgebieden: [],
  signalen: [],
  categorieen: [],
  partnerSoorten: [],
  betrokkenen: 1,
  relaties: 0,
  codeRood: false,
};
const f = (over: Partial<TriageFacts>): TriageFacts => ({ ...base, ...over });
const complex = {
  leefgebieden: ['druggebruik', 'huisvesting-en-wonen'],
  signalen: ['overlast'],
  partnerSoorten: ['politie', 'gemeente'],
};

describe('the national screening criteria', () => {
  const rows: [string, Partial<TriageFacts>, string, string][] = [
    [
      'one life domain is not multiple problems',
      { ...complex, leefgebieden: ['druggebruik'] },
      'A:false',
      'terugleggen-met-advies',
    ],
    [
      'several domains without crime or nuisance is not criterion A',
      { ...complex, signalen: [] },
      'A:false',
      'terugleggen-met-advies',
    ],
    [
      'police data counts as a sign of crime',
      { ...complex, signalen: [], categorieen: ['politiegegevens'] },
      'A:true',
      'ondersteunen-aanmelder',
    ],
    [
      'only the coercive chain is not criterion B',
      { ...complex, partnerSoorten: ['politie', 'om'] },
      'B:false',
      'terugleggen-met-advies',
    ],
    ['A and B for one person without system: support the referrer', complex, 'C:false', 'ondersteunen-aanmelder'],
    [
      'A, B and a family system: procesregie',
      { ...complex, soort: 'systeem', betrokkenen: 3, relaties: 2 },
      'C:true',
      'procesregie',
    ],
    [
      'child-protection data shows the system is involved',
      { ...complex, categorieen: ['kinderbescherming'] },
      'C:true',
      'procesregie',
    ],
    [
      'an area problem with nuisance: procesregie on its own (D)',
      { soort: 'gebied', signalen: ['verloedering'], betrokkenen: 0 },
      'D:true',
      'procesregie',
    ],
    [
      'an area referral without safety signals is not D',
      { soort: 'gebied', betrokkenen: 0 },
      'D:false',
      'terugleggen-met-advies',
    ],
  ];
  for (const [name, facts, criterion, voorstel] of rows) {
    it(name, () => {
      const r = evaluateTriage(f(facts));
      const [key, value] = criterion.split(':');
      assert.equal(String(r.criteria.find((c) => c.criterium === key)!.voldaan), value);
      assert.equal(r.voorstel, voorstel);
      assert.ok(
        r.criteria.every((c) => c.redenen.length > 0),
        'every criterion gives its reasons',
      );
    });
  }
});

describe('the BSN elfproef', () => {
  it('accepts valid numbers and refuses typos, wrong lengths and all zeros', () => {
    assert.ok(isValidBsn('111222333'), '111222333 passes the elfproef');
    assert.ok(isValidBsn('123456782'), '123456782 passes the elfproef');
    assert.ok(!isValidBsn('123456789'), '123456789 fails the elfproef');
    assert.ok(!isValidBsn('111222334'), '111222334 fails the elfproef');
    assert.ok(!isValidBsn('12345678'), '8 digits is no BSN');
    assert.ok(!isValidBsn('000000000'), '000000000 is no BSN');
    assert.ok(!isValidBsn('12345678a'), 'a letter makes it no BSN');
  });
});
