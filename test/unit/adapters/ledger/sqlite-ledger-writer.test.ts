import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Worker } from 'node:worker_threads';
import { after, before, describe, it } from 'node:test';
import { createLedger, type Ledger } from '../../../../adapters/ledger/ledger.js';
import { sqliteLedgerStorage } from '../../../../adapters/ledger/sqlite-ledger-storage.js';
import { openStore, type Store } from '../../../../adapters/store/open-store.js';

describe('the SQLite ledger writer thread', () => {
  let dir: string;
  let store: Store;
  let ledger: Ledger;
  const threads: Worker[] = [];

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'knooppunt-writer-'));
    store = await openStore(`file:${join(dir, 'k.db')}`);
    ledger = createLedger(
      sqliteLedgerStorage(join(dir, 'k.db'), { onWriterThread: (t) => threads.push(t) }),
      'writer-test',
    );
  });
  after(async () => {
    await ledger.close();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('starts only when the first entry is appended', async () => {
    assert.equal(threads.length, 0);
    assert.equal((await ledger.append({ n: 0 }, new Date())).index, 0);
    assert.equal(threads.length, 1);
  });

  it('when it dies, fails the writes waiting on it, and the next append starts a new one with no gap', async () => {
    const waiting = Array.from({ length: 20 }, (_, n) => ledger.append({ n: n + 1 }, new Date()));
    await threads[0]!.terminate();
    const settled = await Promise.allSettled(waiting);
    const answered = settled.flatMap((s) => (s.status === 'fulfilled' ? [s.value.index] : []));
    // Every write its caller heard of is in the log. A batch can also commit in the instant before the
    // thread stops and never be acknowledged: its caller was told it failed (and disclosed nothing), so
    // the log may hold more than was answered, never less.
    const size = await ledger.size();
    assert.ok(
      size >= 1 + answered.length && size <= 1 + waiting.length,
      `the log holds every answered write: size ${size}, answered ${answered.length}`,
    );
    for (const index of answered) assert.ok(index < size, `answered index ${index} is in the log (size ${size})`);
    const next = await ledger.append({ n: 'after' }, new Date());
    assert.equal(threads.length, 2, 'a new writer thread was started');
    assert.equal(next.index, size, 'the next append continues without a gap');
    const bodies = (await ledger.entries(0, next.index + 1)).map((e) => e.index);
    assert.deepEqual(
      bodies,
      Array.from({ length: next.index + 1 }, (_, i) => i),
    );
  });
});
