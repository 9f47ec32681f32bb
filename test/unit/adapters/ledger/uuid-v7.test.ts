import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { uuidV7 } from '../../../../adapters/ledger/uuid-v7.js';

describe('uuidV7', () => {
  it('has the RFC 9562 layout: version 7 and variant 10', () => {
    for (let i = 0; i < 1000; i++)
      assert.match(uuidV7(), /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('starts with the Unix milliseconds of its time, so ids sort by time', () => {
    const t = new Date('2026-11-22T07:30:00.123Z');
    const id = uuidV7(t);
    assert.equal(parseInt(id.slice(0, 8) + id.slice(9, 13), 16), t.getTime());
    const later = uuidV7(new Date(t.getTime() + 1));
    assert.ok(id < later, `a later UUIDv7 sorts after an earlier one (${id} < ${later})`);
  });

  it('differs in its random bits for the same millisecond', () => {
    const t = new Date();
    const ids = new Set(Array.from({ length: 10_000 }, () => uuidV7(t)));
    assert.equal(ids.size, 10_000);
  });
});
