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
    // A write either committed before the thread stopped (and its caller heard so) or failed (and left nothing).
    assert.equal(await ledger.size(), 1 + answered.length);
    const next = await ledger.append({ n: 'after' }, new Date());
    assert.equal(threads.length, 2);
    assert.equal(next.index, 1 + answered.length);
    const bodies = (await ledger.entries(0, next.index + 1)).map((e) => e.index);
    assert.deepEqual(
      bodies,
      Array.from({ length: next.index + 1 }, (_, i) => i),
    );
  });
});
