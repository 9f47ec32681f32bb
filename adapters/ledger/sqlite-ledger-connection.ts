import Database from 'better-sqlite3';
import type { Hash } from './merkle.js';

/** A connection to the ledger's SQLite file: WAL, and `synchronous=FULL` so an acknowledged commit survives a power cut. */
export function openSqliteLedger(path: string): Database.Database {
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('busy_timeout = 10000');
  db.defaultSafeIntegers(false);
  return db;
}

/** The reads both the writer thread (under its lock) and the reading side need: a log's size and one stored hash. */
export function treeReads(db: Database.Database) {
  const sizeStmt = db.prepare('SELECT COALESCE(MAX("idx") + 1, 0) AS n FROM "LedgerEntry" WHERE "logId" = ?');
  const nodeStmt = db.prepare('SELECT "hash" FROM "LedgerNode" WHERE "logId" = ? AND "level" = ? AND "idx" = ?');
  const leafStmt = db.prepare('SELECT "leafHash" AS hash FROM "LedgerEntry" WHERE "logId" = ? AND "idx" = ?');
  return {
    size: (origin: string) => (sizeStmt.get(origin) as { n: number }).n,
    /** A perfect subtree hash (level 0: the leaf hash), or undefined when it is not stored. */
    node: (origin: string, level: number, index: number): Hash | undefined =>
      ((level === 0 ? leafStmt.get(origin, index) : nodeStmt.get(origin, level, index)) as { hash: Buffer } | undefined)
        ?.hash,
  };
}
