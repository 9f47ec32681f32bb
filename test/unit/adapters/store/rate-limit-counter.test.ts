import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { rateLimitCounter, type RateLimitCounter } from '../../../../adapters/store/rate-limit-counter.js';
import { createTestDatabase, type TestDatabase } from '../../../support/test-store.js';

describe('the shared rate-limit counter', () => {
  let db: TestDatabase;
  let counter: RateLimitCounter;
  before(async () => {
    db = await createTestDatabase();
    counter = rateLimitCounter(db.store.db, db.store.provider);
  });
  after(() => db.drop());

  it('counts requests within a window and starts again at 1 once it has ended', async () => {
    const t0 = 1_000_000;
    assert.deepEqual(await counter.increment('partner:a', 60_000, t0), { hits: 1, resetAtMs: t0 + 60_000 });
    assert.deepEqual(await counter.increment('partner:a', 60_000, t0 + 10), { hits: 2, resetAtMs: t0 + 60_000 });
    assert.deepEqual(await counter.get('partner:a', t0 + 20), { hits: 2, resetAtMs: t0 + 60_000 });
    assert.deepEqual(
      await counter.increment('partner:a', 60_000, t0 + 60_000),
      { hits: 1, resetAtMs: t0 + 120_000 },
      'a new window at its end',
    );
  });

  it('keeps each key apart, and counts every one of many concurrent requests exactly once', async () => {
    const t0 = 5_000_000;
    await Promise.all(Array.from({ length: 25 }, () => counter.increment('partner:b', 60_000, t0)));
    await counter.increment('partner:c', 60_000, t0);
    assert.equal((await counter.get('partner:b', t0))?.hits, 25);
    assert.equal((await counter.get('partner:c', t0))?.hits, 1);
  });

  it('decrements, resets and prunes ended windows', async () => {
    const t0 = 9_000_000;
    await counter.increment('ip:x', 1000, t0);
    await counter.increment('ip:x', 1000, t0);
    await counter.decrement('ip:x');
    assert.equal((await counter.get('ip:x', t0))?.hits, 1);
    await counter.reset('ip:x');
    assert.equal(await counter.get('ip:x', t0), undefined);
    await counter.increment('ip:y', 1000, t0);
    assert.ok((await counter.prune(t0 + 1000)) >= 1, 'the ended window is removed');
    assert.equal(await counter.get('ip:y', t0), undefined);
  });
});
