import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { loadCovenantText } from '../../../policies/covenant/load-covenant-text.js';
import { mayLearnInvolvement } from '../../../policies/engine/may-learn-involvement.js';

const example = loadCovenantText(
  readFileSync(new URL('../../../policies/covenants/zvh-demo-2026.1.yaml', import.meta.url), 'utf8'),
  'zvh-demo-2026.1.yaml',
).covenant;
const p = (soort: string) => ({ id: `${soort}-demo`, soort });
const ask = (asker: string, bron: string, categorieen: string[], doel = 'triage') =>
  mayLearnInvolvement(example, { asker: p(asker), bron: p(bron), categorieen, doel });

describe('the verwijsindex names a source only where its involvement gives nothing away', () => {
  it('does not tell the police that GGZ knows a person (that would reveal psychiatric care)', () => {
    assert.equal(ask('politie', 'ggz', ['psychische-gezondheid']), false, 'police must not learn of GGZ care');
  });

  it('tells GGZ that GGZ-kind data exists elsewhere only where GGZ may receive it', () => {
    assert.equal(ask('ggz', 'verslavingszorg', ['verslaving']), true, 'GGZ may receive health data for triage');
  });

  it('tells the OM that the police know a person: the OM may receive police data for triage', () => {
    assert.equal(ask('om', 'politie', ['politiegegevens']), true, 'OM receives politiegegevens');
  });

  it('does not tell the municipality of police data for triage (it sees a summary only in casusoverleg)', () => {
    assert.equal(ask('gemeente', 'politie', ['politiegegevens']), false, 'no police involvement for triage');
  });

  it('names a source of ordinary data to any partner that may ask the verwijsindex', () => {
    assert.equal(ask('ggz', 'gemeente', ['wonen', 'identificatie']), true, 'ordinary data: involvement is fine');
  });

  it('never answers the woningcorporatie, which may not ask at all', () => {
    assert.equal(ask('woningcorporatie', 'gemeente', ['wonen']), false, 'the covenant denies it betrokkenheid');
  });

  it('treats a category it does not know as sensitive', () => {
    assert.equal(ask('politie', 'gemeente', ['iets-onbekends']), false, 'unknown: assume the worst');
  });
});
