import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { feestdagen, koningsdag, paaszondag } from '../../../../../gateway/rechten/termijnen/feestdagen.js';
import { amsterdamDatum, plusMaanden, plusWeken } from '../../../../../gateway/rechten/termijnen/kalender.js';

describe('the legal calendar', () => {
  it('adds months per Regulation 1182/71: the same date, or the last day of a shorter month', () => {
    assert.equal(plusMaanden('2025-01-31', 1), '2025-02-28');
    assert.equal(plusMaanden('2024-01-31', 1), '2024-02-29', 'a leap year has 29 February');
    assert.equal(plusMaanden('2026-03-31', 1), '2026-04-30');
    assert.equal(plusMaanden('2025-12-31', 1), '2026-01-31', 'across the year end');
    assert.equal(plusMaanden('2026-01-15', 3), '2026-04-15');
    assert.equal(plusMaanden('2023-11-30', 3), '2024-02-29');
  });

  it('adds weeks as seven days each, across month and year ends', () => {
    assert.equal(plusWeken('2026-12-21', 2), '2027-01-04');
    assert.equal(plusWeken('2024-02-15', 2), '2024-02-29');
  });

  it('finds Easter Sunday with the Gregorian computus', () => {
    const known: Record<number, string> = {
      2000: '2000-04-23',
      2008: '2008-03-23',
      2011: '2011-04-24',
      2019: '2019-04-21',
      2024: '2024-03-31',
      2025: '2025-04-20',
      2026: '2026-04-05',
      2038: '2038-04-25',
      2285: '2285-03-22',
    };
    for (const [jaar, pasen] of Object.entries(known)) assert.equal(paaszondag(Number(jaar)), pasen, `Easter ${jaar}`);
  });

  it('lists the public holidays of the Algemene termijnenwet, with Goede Vrijdag equated', () => {
    assert.deepEqual([...feestdagen(2026).entries()].sort(), [
      ['2026-01-01', 'Nieuwjaarsdag'],
      ['2026-04-03', 'Goede Vrijdag'],
      ['2026-04-06', 'Tweede Paasdag'],
      ['2026-04-27', 'Koningsdag'],
      ['2026-05-05', 'Bevrijdingsdag'],
      ['2026-05-14', 'Hemelvaartsdag'],
      ['2026-05-25', 'Tweede Pinksterdag'],
      ['2026-12-25', 'Eerste Kerstdag'],
      ['2026-12-26', 'Tweede Kerstdag'],
    ]);
  });

  it('celebrates Koningsdag on 26 April when the 27th is a Sunday', () => {
    assert.equal(koningsdag(2025), '2025-04-26');
    assert.equal(koningsdag(2026), '2026-04-27');
  });

  it('reads an instant as the calendar date in Amsterdam, winter and summer time', () => {
    assert.equal(amsterdamDatum(new Date('2026-01-31T23:30:00Z')), '2026-02-01');
    assert.equal(amsterdamDatum(new Date('2026-01-31T22:59:00Z')), '2026-01-31');
    assert.equal(amsterdamDatum(new Date('2026-07-31T22:30:00Z')), '2026-08-01');
    assert.equal(amsterdamDatum(new Date('2026-07-31T21:30:00Z')), '2026-07-31');
  });
});
