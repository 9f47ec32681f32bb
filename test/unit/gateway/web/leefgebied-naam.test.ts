import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { leefgebiedNaam, leefgebiedVolgorde } from '../../../../gateway/web/leefgebied-naam.js';

describe('a leefgebied on a page', () => {
  it('reads as plain words', () => {
    assert.equal(leefgebiedNaam('huisvesting-en-wonen'), 'Huisvesting en wonen');
  });

  it('follows the taxonomy’s order, unknown keys last and alphabetically', () => {
    const sorted = ['zzz-onbekend', 'houding', 'aaa-onbekend', 'delictgeschiedenis'].sort(leefgebiedVolgorde);
    assert.deepEqual(sorted, ['delictgeschiedenis', 'houding', 'aaa-onbekend', 'zzz-onbekend']);
  });
});
