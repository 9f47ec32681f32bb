import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { createLedger } from '../../../../adapters/ledger/ledger.js';
import type { LedgerStorage, NewLeaf, StoredEntry } from '../../../../adapters/ledger/ledger-storage.js';

interface Call {
  leaves: NewLeaf[];
  settle(ok: boolean): void;
}

/**
 * Storage whose batches commit only when the test says so. Like the real ones it numbers a batch
 * when it commits (under its lock), so indices stay contiguous whatever the order of commits.
 */
function scriptedStorage() {
  const calls: Call[] = [];
  let size = 0;
  let open = 0;
  let mostOpen = 0;
  const storage = {
    appendBatch(_origin: string, leaves: NewLeaf[]): Promise<StoredEntry[]> {
      open++;
      mostOpen = Math.max(mostOpen, open);
      return new Promise((resolve, reject) =>
        calls.push({
          leaves,
          settle: (ok) => {
            open--;
            if (!ok) return reject(new Error('disk full'));
            const first = size;
            size += leaves.length;
            resolve(leaves.map((l, i) => ({ ...l, index: first + i })));
          },
        }),
      );
    },
  } as unknown as LedgerStorage;
  return { storage, calls, mostOpen: () => mostOpen };
}

const t = new Date('2026-12-03T10:00:00Z');
const tick = () => new Promise((r) => setImmediate(r));

describe('group commit of ledger appends', () => {
  it('sends an idle append at once, and what queues behind it together in the next batch', async () => {
    const { storage, calls } = scriptedStorage();
    const ledger = createLedger(storage, 'log', { maxBatch: 4 });
    const first = ledger.append({ n: 0 }, t);
    assert.equal(calls.length, 1, 'an append to an idle log goes to storage without waiting');
    const queued = [1, 2, 3].map((n) => ledger.append({ n }, t));
    assert.equal(calls.length, 1, 'a part batch waits while another commits');
    calls[0]!.settle(true);
    assert.equal((await first).index, 0, 'the first append is answered with its index after its commit');
    await tick();
    assert.equal(calls.length, 2, 'the queued appends go out as soon as the log is idle again');
    assert.equal(calls[1]!.leaves.length, 3, 'together, in one batch');
    calls[1]!.settle(true);
    assert.deepEqual(
      (await Promise.all(queued)).map((r) => r.index),
      [1, 2, 3],
      'numbered after the first',
    );
  });

  it('sends a full batch while another is still committing, but no more than maxInFlight at a time', async () => {
    const { storage, calls } = scriptedStorage();
    const ledger = createLedger(storage, 'log', { maxBatch: 4, maxInFlight: 2 });
    const all = Array.from({ length: 13 }, (_, n) => ledger.append({ n }, t));
    assert.deepEqual(
      calls.map((c) => c.leaves.length),
      [1, 4],
      'the idle append, then a full batch beside it; the next full one waits for a free slot',
    );
    calls[0]!.settle(true);
    await tick();
    assert.deepEqual(
      calls.map((c) => c.leaves.length),
      [1, 4, 4],
      'a slot freed: the next full batch goes',
    );
    calls[1]!.settle(true);
    calls[2]!.settle(true);
    await tick();
    assert.deepEqual(
      calls.map((c) => c.leaves.length),
      [1, 4, 4, 4],
      'the rest goes once the log is idle',
    );
    calls[3]!.settle(true);
    assert.deepEqual(
      (await Promise.all(all)).map((r) => r.index).sort((a, b) => a - b),
      Array.from({ length: 13 }, (_, i) => i),
      'every append is answered with its own index, contiguous from 0',
    );
  });

  it('fails only the appends of a batch that did not commit', async () => {
    const { storage, calls } = scriptedStorage();
    const ledger = createLedger(storage, 'log', { maxBatch: 2 });
    const all = Promise.allSettled(Array.from({ length: 5 }, (_, n) => ledger.append({ n }, t)));
    assert.deepEqual(
      calls.map((c) => c.leaves.length),
      [1, 2],
      'the idle append, and a full batch beside it',
    );
    calls[1]!.settle(false);
    calls[0]!.settle(true);
    await tick();
    assert.equal(calls.length, 3, 'the last two go once a slot is free');
    calls[2]!.settle(true);
    const settled = await all;
    assert.deepEqual(
      settled.map((s) => s.status),
      ['fulfilled', 'rejected', 'rejected', 'fulfilled', 'fulfilled'],
      'the two of the failed batch are refused (their disclosures answer 503), the others stand',
    );
    assert.deepEqual(
      settled.flatMap((s) => (s.status === 'fulfilled' ? [s.value.index] : [])),
      [0, 1, 2],
      'nothing the failed batch would have held leaves a gap',
    );
  });

  it('answers every append exactly once with contiguous indices, whatever the arrival and commit order (property)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.integer({ min: 1, max: 9 }), { minLength: 1, maxLength: 8 }),
        fc.integer({ min: 1, max: 5 }),
        fc.integer({ min: 1, max: 3 }),
        fc.array(fc.nat(), { minLength: 1, maxLength: 40 }),
        async (waves, maxBatch, maxInFlight, picks) => {
          const { storage, calls, mostOpen } = scriptedStorage();
          const ledger = createLedger(storage, 'log', { maxBatch, maxInFlight });
          const all: Promise<{ index: number }>[] = [];
          let settled = 0;
          let p = 0;
          for (const n of waves) {
            for (let i = 0; i < n; i++) all.push(ledger.append({ n: all.length }, t));
            // Commit one open batch, chosen by the property, between waves.
            const open = calls.slice(settled);
            if (open.length > 0) {
              const k = picks[p++ % picks.length]! % open.length;
              const [c] = calls.splice(settled + k, 1);
              calls.splice(settled, 0, c!);
              calls[settled++]!.settle(true);
              await tick();
            }
          }
          while (settled < calls.length) {
            calls[settled++]!.settle(true);
            await tick();
          }
          const indices = (await Promise.all(all)).map((r) => r.index).sort((a, b) => a - b);
          assert.deepEqual(
            indices,
            Array.from({ length: all.length }, (_, i) => i),
          );
          assert.ok(
            calls.every((c) => c.leaves.length <= maxBatch),
            'no batch is larger than maxBatch',
          );
          assert.ok(mostOpen() <= maxInFlight, 'never more batches committing at once than maxInFlight');
        },
      ),
      { numRuns: 200 },
    );
  });

  it('refuses every append of a batch for which storage answered other entries, and makes up no receipt', async () => {
    for (const answer of [
      (leaves: NewLeaf[]) => leaves.slice(1).map((l, i) => ({ ...l, index: i })),
      (leaves: NewLeaf[]) => leaves.map((l, i) => ({ ...l, leafHash: Buffer.alloc(32), index: i })),
    ]) {
      const storage = {
        appendBatch: async (_origin: string, leaves: NewLeaf[]) => answer(leaves),
      } as unknown as LedgerStorage;
      const ledger = createLedger(storage, 'log', { maxBatch: 4 });
      const appends = [0, 1, 2].map((n) => ledger.append({ n }, t));
      const settled = await Promise.allSettled(appends);
      assert.ok(
        settled.every((r) => r.status === 'rejected'),
        `no append is told it was stored: ${JSON.stringify(settled.map((r) => r.status))}`,
      );
    }
  });
});
