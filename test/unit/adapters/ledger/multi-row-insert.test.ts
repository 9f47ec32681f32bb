import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import Database from 'better-sqlite3';
import { multiRowInsert } from '../../../../adapters/ledger/multi-row-insert.js';

describe('multi-row inserts for the ledger writer', () => {
  it('inserts every row once, in order, for any count around the chunk size', () => {
    const db = new Database(':memory:');
    db.exec('CREATE TABLE t (a INTEGER, b TEXT, c BLOB)');
    const insert = multiRowInsert(db, 'INSERT INTO t (a, b, c) VALUES', 3);
    let next = 0;
    for (const n of [0, 1, 63, 64, 65, 128, 130, 1024]) {
      const rows = Array.from({ length: n }, () => {
        const i = next++;
        return [i, `b${i}`, Buffer.from([i % 256])];
      });
      insert(rows);
      assert.equal((db.prepare('SELECT count(*) AS n FROM t').get() as { n: number }).n, next, `after ${n} rows`);
    }
    const stored = db.prepare('SELECT a, b, c FROM t ORDER BY rowid').all() as { a: number; b: string; c: Buffer }[];
    assert.deepEqual(
      stored.map((r) => r.a),
      Array.from({ length: next }, (_, i) => i),
      'rows are stored in the order given',
    );
    assert.ok(
      stored.every((r) => r.b === `b${r.a}` && r.c.equals(Buffer.from([r.a % 256]))),
      'every column lands in its own place',
    );
    db.close();
  });
});
