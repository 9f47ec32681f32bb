import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { after, before, describe, it } from 'node:test';
import Database from 'better-sqlite3';
import { createLedger, type Ledger, type LedgerReceipt } from '../../../../adapters/ledger/ledger.js';
import type { LedgerStorage } from '../../../../adapters/ledger/ledger-storage.js';
import { leafHash, perfectFromLeaves } from '../../../../adapters/ledger/merkle.js';
import { openLedgerStorage } from '../../../../adapters/ledger/open-ledger-storage.js';
import { createTestDatabase, testProvider, type TestDatabase } from '../../../support/test-store.js';

const canonicalize = createRequire(import.meta.url)('canonicalize') as (input: unknown) => string;
const t0 = new Date('2026-12-03T15:00:00.123Z');

/** Entries whose UTF-8 differs from their UTF-16 length: accents, emoji, a body longer than any scratch buffer. */
const entry = (i: number): Record<string, unknown> => ({
  v: 1,
  n: i,
  soort: i % 3 === 0 ? 'verstrekking' : 'inzage',
  ontvanger: { partner: `gemeente-${i}`, naam: i % 5 === 0 ? 'Zoë Çelik 🧾' : 'Jan' },
  ...(i % 7 === 0 ? { tijd: new Date(t0.getTime() + i).toISOString() } : {}),
  ...(i === 11 ? { lang: '€'.repeat(5000) } : {}),
  ...(i === 12 ? { lang: 'x'.repeat(20000) } : {}),
});

/**
 * What an entry must be stored as, computed without the ledger's own code path: the body by the
 * `canonicalize` package, its leaf hash as RFC 6962 over the body's bytes, the time the body states.
 */
const expectedBody = (i: number) => {
  const e = entry(i);
  return canonicalize(e.tijd === undefined ? { ...e, tijd: t0.toISOString() } : e);
};

describe('what the ledger stores, byte for byte', () => {
  let db: TestDatabase;
  let storage: LedgerStorage;
  let ledger: Ledger;
  let receipts: LedgerReceipt[];
  const total = 1000;

  before(async () => {
    db = await createTestDatabase();
    storage = openLedgerStorage(db.url);
    ledger = createLedger(storage, 'bytes-log', { maxBatch: 64 });
    // Concurrent appends in several batches, then a few alone: both the batched and the idle path.
    receipts = await Promise.all(Array.from({ length: total - 3 }, (_, i) => ledger.append(entry(i), t0)));
    for (let i = total - 3; i < total; i++) receipts.push(await ledger.append(entry(i), t0));
  });
  after(async () => {
    await ledger.close();
    await db.drop();
  });

  it('stores every body as its canonical JSON, hashed as an RFC 6962 leaf, at the index its receipt names', async () => {
    const byIndex = new Map(receipts.map((r, i) => [r.index, i]));
    assert.equal(byIndex.size, total, 'each receipt names its own index');
    const rows = await storage.verificationEntries('bytes-log', 0, total);
    assert.equal(rows.length, total);
    for (const row of rows) {
      const i = byIndex.get(row.index)!;
      const body = expectedBody(i);
      const hash = leafHash(Buffer.from(body, 'utf8')).toString('hex');
      assert.equal(row.body, body, `entry ${row.index} holds the canonical body of append ${i}`);
      assert.equal(row.leafHex.toLowerCase(), hash, `entry ${row.index} holds the leaf hash of its body`);
      assert.equal(receipts[i]!.leafHash, hash, `the receipt of append ${i} names that leaf hash`);
      assert.equal(
        new Date(row.tijd).toISOString(),
        JSON.parse(body).tijd,
        `entry ${row.index}: the tijd column is its body's`,
      );
    }
  });

  it('stores every completed perfect subtree as RFC 6962 computes it from the leaves', async () => {
    const leaves = (await storage.verificationEntries('bytes-log', 0, total)).map((r) =>
      leafHash(Buffer.from(r.body, 'utf8')),
    );
    const perfect = perfectFromLeaves(leaves);
    for (let level = 1; 2 ** level <= total; level++) {
      const count = Math.floor(total / 2 ** level);
      const stored = await storage.levelNodes('bytes-log', level, 0, count);
      assert.deepEqual(
        stored.map((n) => [n.index, n.hex.toLowerCase()]),
        Array.from({ length: count }, (_, index) => [index, perfect(level, index).toString('hex')]),
        `level ${level} holds exactly the ${count} completed subtrees`,
      );
    }
  });

  it('on SQLite, keeps the column types: text body and ISO tijd, 32-byte blob hashes', (t) => {
    if (testProvider() !== 'sqlite') return t.skip('SQLite only');
    const file = new Database(db.url.replace(/^file:/, ''), { readonly: true });
    try {
      const rows = file
        .prepare(
          'SELECT "idx", typeof("body") AS b, typeof("leafHash") AS h, length("leafHash") AS hl, "tijd", typeof("tijd") AS tt FROM "LedgerEntry" WHERE "logId" = ? ORDER BY "idx"',
        )
        .all('bytes-log') as { idx: number; b: string; h: string; hl: number; tijd: string; tt: string }[];
      assert.equal(rows.length, total);
      for (const r of rows) {
        assert.deepEqual([r.b, r.h, r.hl, r.tt], ['text', 'blob', 32, 'text'], `entry ${r.idx} column types`);
        assert.equal(r.tijd, new Date(r.tijd).toISOString(), `entry ${r.idx}: tijd is stored as ISO text`);
      }
      const nodes = file
        .prepare('SELECT DISTINCT typeof("hash") AS h, length("hash") AS hl FROM "LedgerNode" WHERE "logId" = ?')
        .all('bytes-log');
      assert.deepEqual(nodes, [{ h: 'blob', hl: 32 }], 'every node hash is a 32-byte blob');
    } finally {
      file.close();
    }
  });
});
