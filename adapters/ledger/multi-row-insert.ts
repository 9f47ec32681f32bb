import type Database from 'better-sqlite3';

/** Rows per statement: 64 rows of five columns stay far below SQLite's limit on parameters. */
const CHUNK = 64;

/**
 * Inserts rows through multi-row `INSERT … VALUES (…), (…)` statements, prepared once per row count:
 * one statement per 64 rows instead of one per row, which is most of what SQLite spends per row
 * (`npm run bench`, ledger; docs/scale.md). `head` ends in `VALUES`; every row has `columns` values.
 */
export function multiRowInsert(
  db: Database.Database,
  head: string,
  columns: number,
): (rows: readonly unknown[][]) => void {
  const row = `(${Array.from({ length: columns }, () => '?').join(', ')})`;
  const statements = new Map<number, Database.Statement>();
  const statement = (n: number) => {
    let s = statements.get(n);
    if (!s) {
      s = db.prepare(`${head} ${Array.from({ length: n }, () => row).join(', ')}`);
      statements.set(n, s);
    }
    return s;
  };
  return (rows) => {
    for (let from = 0; from < rows.length; from += CHUNK) {
      const chunk = rows.slice(from, from + CHUNK);
      statement(chunk.length).run(chunk.flat());
    }
  };
}
