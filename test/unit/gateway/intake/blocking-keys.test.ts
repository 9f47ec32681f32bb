import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { blockingKeys } from '../../../../gateway/intake/matching/blocking-keys.js';
import type { MatchablePerson } from '../../../../gateway/intake/matching/score-candidate.js';

const share = (a: MatchablePerson, b: MatchablePerson) => blockingKeys(a).some((k) => blockingKeys(b).includes(k));

describe('blocking keys for linking without a BSN', () => {
  it('bring spelling, tussenvoegsel and case variants with one birth date together', () => {
    assert.ok(
      share(
        { achternaam: 'Kuijpers', geboortedatum: '1980-01-01' },
        { achternaam: 'Kuypers', geboortedatum: '1980-01-01' },
      ),
    );
    assert.ok(
      share(
        { achternaam: 'v.d. Bosch', geboortedatum: '1980-01-01' },
        { tussenvoegsel: 'Van Den', achternaam: 'BOSCH', geboortedatum: '1980-01-01' },
      ),
    );
  });

  it('bring a swapped day and month together through the birth year, and a one-letter surname slip through the date', () => {
    assert.ok(
      share({ achternaam: 'Smit', geboortedatum: '1984-05-06' }, { achternaam: 'Smidt', geboortedatum: '1984-06-05' }),
    );
    assert.ok(
      share(
        { voornamen: 'Sanne', achternaam: 'Hendriks', geboortedatum: '1970-07-07' },
        { voornamen: 'S.', achternaam: 'Hendrikx', geboortedatum: '1970-07-07' },
      ),
    );
  });

  it('without a birth date need initial and postcode, so a surname alone never groups records', () => {
    assert.deepEqual(blockingKeys({ voornamen: 'Jan', achternaam: 'de Jong' }), []);
    assert.ok(
      share(
        { voornamen: 'Karin', achternaam: 'Meijer', postcode: '1234 AB' },
        { voornamen: 'k', achternaam: 'Meyer', postcode: '1234ab' },
      ),
    );
  });
});
