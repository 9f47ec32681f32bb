import Database from 'better-sqlite3';
import type { LedgerStorage, NewNode, StoredEntry } from './ledger-storage.js';
import { nodeKey } from './ledger-storage.js';
import type { Hash } from './merkle.js';

/**
 * The ledger on SQLite through its own better-sqlite3 connection: `BEGIN IMMEDIATE` takes the write
 * lock up front (so two gateway processes on one file cannot both read the same size), and
 * `synchronous=FULL` makes every acknowledged commit survive a power cut.
 */
export function sqliteLedgerStorage(path: string): LedgerStorage {
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('busy_timeout = 10000');
  db.defaultSafeIntegers(false);
  const sizeStmt = db.prepare('SELECT COALESCE(MAX("idx") + 1, 0) AS n FROM "LedgerEntry" WHERE "logId" = ?');
  const nodeStmt = db.prepare('SELECT "hash" FROM "LedgerNode" WHERE "logId" = ? AND "level" = ? AND "idx" = ?');
  const leafStmt = db.prepare('SELECT "leafHash" AS hash FROM "LedgerEntry" WHERE "logId" = ? AND "idx" = ?');
  const insertEntry = db.prepare('INSERT INTO "LedgerEntry" ("logId", "idx", "leafHash", "body", "tijd") VALUES (?, ?, ?, ?, ?)');
  const insertNode = db.prepare('INSERT INTO "LedgerNode" ("logId", "level", "idx", "hash") VALUES (?, ?, ?, ?)');
  const levelStmt = db.prepare('SELECT "idx", "hash" FROM "LedgerNode" WHERE "logId" = ? AND "level" = ? AND "idx" >= ? AND "idx" < ? ORDER BY "idx"');
  const rangeStmt = db.prepare('SELECT "idx", "leafHash", "body", "tijd" FROM "LedgerEntry" WHERE "logId" = ? AND "idx" >= ? AND "idx" < ? ORDER BY "idx"');

  const readNode = (logId: string, level: number, index: number): Hash => {
    const row = (level === 0 ? leafStmt.get(logId, index) : nodeStmt.get(logId, level, index)) as { hash: Buffer } | undefined;
    if (!row) throw new Error(`ledger ${logId}: no node ${level}/${index}`);
    return row.hash;
  };

  return {
    async appendBatch(logId, build) {
      // better-sqlite3 is synchronous; the build step is async only so that one interface serves both
      // databases. It only hashes in memory (frontier reads are synchronous underneath).
      db.prepare('BEGIN IMMEDIATE').run();
      try {
        const size = (sizeStmt.get(logId) as { n: number }).n;
        const { entries, nodes } = await build(size, async (level, index) => readNode(logId, level, index));
        for (const e of entries) insertEntry.run(logId, e.index, e.leafHash, e.body, e.tijd.toISOString());
        for (const n of nodes) insertNode.run(logId, n.level, n.index, n.hash);
        db.prepare('COMMIT').run();
        return entries;
      } catch (err) {
        if (db.inTransaction) db.prepare('ROLLBACK').run();
        throw err;
      }
    },
    async size(logId) {
      return (sizeStmt.get(logId) as { n: number }).n;
    },
    async nodes(logId, wanted) {
      const out = new Map<string, Hash>();
      for (const w of wanted) out.set(nodeKey(w.level, w.index), readNode(logId, w.level, w.index));
      return out;
    },
    async entries(logId, from, to) {
      return (rangeStmt.all(logId, from, to) as { idx: number; leafHash: Buffer; body: string; tijd: string }[]).map((r): StoredEntry => ({
        index: r.idx, leafHash: r.leafHash, body: r.body, tijd: new Date(r.tijd),
      }));
    },
    async levelNodes(logId, level, from, to) {
      return (levelStmt.all(logId, level, from, to) as { idx: number; hash: Buffer }[]).map((r) => ({ index: r.idx, hash: r.hash }));
    },
    async close() {
      db.close();
    },
  };
}

export type { NewNode };
