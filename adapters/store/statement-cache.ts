import type Database from 'better-sqlite3';

/** The part of a better-sqlite3 statement Prisma's adapter uses, with its parameters given late. */
interface LateBound {
  readonly reader: boolean;
  bind(args: unknown[]): {
    readonly reader: boolean;
    columns(): Database.ColumnDefinition[];
    raw(): { all(): unknown[] };
    run(): Database.RunResult;
  };
  run(...args: unknown[]): Database.RunResult;
}

function lateBound(stmt: Database.Statement): LateBound {
  return {
    reader: stmt.reader,
    bind: (args) => ({
      reader: stmt.reader,
      columns: () => stmt.columns(),
      raw: () => ({ all: () => stmt.raw(true).all(args) }),
      run: () => stmt.run(args),
    }),
    run: (...args) => stmt.run(...args),
  };
}

/**
 * A connection whose `prepare` reuses compiled statements (least recently used out beyond `max`).
 * Prisma's better-sqlite3 adapter prepares every query anew and binds its parameters permanently, so
 * compiling the SQL cost more than running it; here a cached statement takes its parameters per call.
 * Safe because better-sqlite3 runs each statement to completion synchronously (no interleaving).
 */
export function withStatementCache(db: Database.Database, max = 256): Database.Database {
  const cache = new Map<string, LateBound>();
  const prepare = (sql: string): LateBound => {
    let stmt = cache.get(sql);
    if (stmt) cache.delete(sql);
    else stmt = lateBound(db.prepare(sql));
    cache.set(sql, stmt);
    if (cache.size > max) cache.delete(cache.keys().next().value!);
    return stmt;
  };
  return new Proxy(db, {
    get(target, prop) {
      if (prop === 'prepare') return prepare;
      const value: unknown = Reflect.get(target, prop, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}
