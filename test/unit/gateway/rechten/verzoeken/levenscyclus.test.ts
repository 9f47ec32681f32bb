import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  isAfgesloten,
  toegestaneOvergangen,
  verzoekStatussen,
} from '../../../../../gateway/rechten/verzoeken/levenscyclus.js';

describe('the lifecycle of a request', () => {
  it('closes with afgehandeld, geweigerd or ingetrokken, and nothing follows them', () => {
    assert.deepEqual(
      verzoekStatussen.filter((s) => isAfgesloten(s)),
      ['afgehandeld', 'geweigerd', 'ingetrokken'],
    );
  });

  it('never goes back: verlengd cannot return to ontvangen or in-behandeling', () => {
    assert.deepEqual(toegestaneOvergangen('verlengd'), ['afgehandeld', 'geweigerd', 'ingetrokken']);
    assert.ok(!toegestaneOvergangen('in-behandeling').includes('ontvangen'));
  });

  it('allows nothing from a state it does not know', () => {
    assert.deepEqual(toegestaneOvergangen('onbekend'), []);
  });
});
