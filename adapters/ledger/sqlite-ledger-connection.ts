import Database from 'better-sqlite3';

/** A connection to the ledger's SQLite file: WAL, and `synchronous=FULL` so an acknowledged commit survives a power cut. */
export function openSqliteLedger(path: string): Database.Database {
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('busy_timeout = 10000');
  db.defaultSafeIntegers(false);
  return db;
}
