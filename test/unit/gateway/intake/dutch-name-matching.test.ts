import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { normaliseDutchName } from '../../../../gateway/intake/matching/dutch-name.js';
import { PROPOSAL_THRESHOLD, scoreCandidate } from '../../../../gateway/intake/matching/score-candidate.js';

const key = (achternaam: string, tussenvoegsel?: string) => normaliseDutchName(achternaam, tussenvoegsel);

describe('Dutch surname normalisation', () => {
  const same: [string, [string, string?], [string, string?]][] = [
    ['ij and y', ['Kuijpers'], ['Kuypers']],
    ['ij, ei and ey', ['Meijer'], ['Meier']],
    ['ey and ij', ['Meyer'], ['Meijer']],
    ['v.d. and van den', ['v.d. Bosch'], ['van den Bosch']],
    ['vd without dots', ['vd Bosch'], ['van den Bosch']],
    ['tussenvoegsel after the name, with a comma', ['Bosch, van den'], ['van den Bosch']],
    ['tussenvoegsel after the name, without a comma', ['Bosch van den'], ['Bosch', 'van den']],
    ['tussenvoegsel in its own field, any case', ['Bosch', 'Van Den'], ['van den Bosch']],
    ['case', ['DE VRIES'], ['de Vries']],
    ['diacritics', ['Çelik'], ['Celik']],
    ['accents in Dutch names', ['Jansén'], ['Jansen']],
    ['final dt and t', ['Smidt'], ['Smit']],
    ['c and k', ['Cornelissen'], ['Kornelisen']],
    ['z and s at the start', ['Zwart'], ['Swart']],
    ['ph and f', ['Philips'], ['Filips']],
    ['hyphenated double name and spaced', ['Jansen-de Vries'], ['Jansen de Vries']],
    ["'t", ["van 't Hof"], ['van het Hof']],
  ];
  for (const [name, [a, ta], [b, tb]] of same) {
    it(`makes ${name} meet: "${[ta, a].filter(Boolean).join(' ')}" = "${[tb, b].filter(Boolean).join(' ')}"`, () => {
      assert.equal(key(a, ta).achternaam, key(b, tb).achternaam, 'the folded surnames are equal');
    });
  }

  const different: [string, string][] = [
    ['Bosch', 'Bos'],
    ['de Vries', 'de Wit'],
    ['Jansen', 'Janssens'],
  ];
  for (const [a, b] of different) {
    it(`keeps "${a}" and "${b}" apart`, () => {
      assert.notEqual(key(a).achternaam, key(b).achternaam, 'different surnames stay different');
    });
  }

  it('expands the tussenvoegsel to lower case words', () => {
    assert.deepEqual(key('v.d. Bosch'), { achternaam: 'bosch', tussenvoegsel: 'van den' }, 'v.d. is van den');
  });

  it('does not depend on case or on where the tussenvoegsel was written (property)', () => {
    const prefixWords = ['van', 'de', 'den', 'der', 'het', 't', 'ter', 'ten', 'te', 'in', 'op', 'onder', 'over', 'uit']
      .concat(['uijt', 'aan', 'bij', 'tot', 'voor', 'la', 'le', 'du', 'da', 'di', 'dos', 'del', 'della', 'el', 'vd'])
      .concat(['vander', 'l', 'd', 'v']);
    const prefix = fc.constantFrom('', 'van', 'de', 'van den', 'van der', 'ter');
    const surname = fc
      .stringMatching(/^[A-Za-z]{2,12}$/)
      // A surname that is itself a prefix word ("La", "Van") is ambiguous after the name: not a variant to fold.
      .filter((s) => !prefixWords.includes(s.toLowerCase()));
    fc.assert(
      fc.property(prefix, surname, (p, s) => {
        const inField = key(s, p).achternaam;
        assert.equal(key(`${p} ${s}`.trim()).achternaam, inField, 'prefix before the name');
        assert.equal(key(p ? `${s}, ${p}` : s).achternaam, inField, 'prefix after the name');
        assert.equal(key(s.toUpperCase(), p.toUpperCase()).achternaam, inField, 'upper case');
      }),
    );
  });
});

describe('scoring a linking candidate', () => {
  const mother = { voornamen: 'Fatima', achternaam: 'Kuijpers', geboortedatum: '1988-04-12', postcode: '1234 AB' };

  it('proposes a spelling variant with the same birth date', () => {
    const s = scoreCandidate(mother, { voornamen: 'F.', achternaam: 'Kuypers', geboortedatum: '1988-04-12' });
    assert.ok(s.score >= PROPOSAL_THRESHOLD, `score ${s.score} should reach ${PROPOSAL_THRESHOLD}`);
    assert.deepEqual(s.overeenkomsten, ['achternaam', 'voorletter', 'geboortedatum'], 'names what agreed');
  });

  it('proposes day and month swapped as a near birth date', () => {
    const s = scoreCandidate(mother, { achternaam: 'Kuypers', geboortedatum: '1988-12-04' });
    assert.deepEqual(s.overeenkomsten, ['achternaam', 'geboortedatum-bijna'], 'swapped day/month is near');
    assert.ok(s.score >= PROPOSAL_THRESHOLD, `score ${s.score} should reach the threshold`);
  });

  it('never proposes on a common surname alone, nor on surname and initial without a birth date', () => {
    assert.ok(scoreCandidate(mother, { achternaam: 'Kuijpers' }).score < PROPOSAL_THRESHOLD, 'surname alone');
    const noDate = scoreCandidate(
      { ...mother, geboortedatum: undefined },
      { voornamen: 'Frank', achternaam: 'Kuijpers' },
    );
    assert.ok(noDate.score < PROPOSAL_THRESHOLD, `surname + initial without date scored ${noDate.score}`);
  });

  it('proposes without a birth date only when surname, initial and postcode agree', () => {
    const s = scoreCandidate(
      { ...mother, geboortedatum: undefined },
      { voornamen: 'F', achternaam: 'Kuypers', postcode: '1234ab' },
    );
    assert.ok(s.score >= PROPOSAL_THRESHOLD, `score ${s.score} should reach the threshold`);
  });

  it('is symmetric (property)', () => {
    const person = fc.record({
      voornamen: fc.option(fc.constantFrom('Anna', 'Ahmed', 'Bram', 'b.'), { nil: undefined }),
      achternaam: fc.constantFrom('Kuijpers', 'Kuypers', 'de Vries', 'Vries', 'Bos', 'Bosch', 'van den Bosch'),
      geboortedatum: fc.option(fc.constantFrom('1990-01-02', '1990-02-01', '1990-01-03', '1991-01-02'), {
        nil: undefined,
      }),
      postcode: fc.option(fc.constantFrom('1234AB', '1234 ab', '9999ZZ'), { nil: undefined }),
    });
    fc.assert(
      fc.property(person, person, (a, b) => {
        assert.equal(scoreCandidate(a, b).score, scoreCandidate(b, a).score, 'score(a,b) = score(b,a)');
      }),
    );
  });
});
