import { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3';
import type { SqlDriverAdapter, SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import type Database from 'better-sqlite3';
import { withStatementCache } from './statement-cache.js';

/** Puts the statement cache under an adapter Prisma connected; fails loudly if the adapter's shape changed. */
function cachingStatements(adapter: SqlDriverAdapter): SqlDriverAdapter {
  const holder = adapter as unknown as { client?: Database.Database };
  if (typeof holder.client?.prepare !== 'function')
    throw new Error('@prisma/adapter-better-sqlite3 no longer exposes its connection; remove the statement cache');
  holder.client = immediateTransactions(withStatementCache(holder.client));
  return adapter;
}

/**
 * Prisma begins transactions with a deferred `BEGIN`: a transaction that reads and then writes fails at
 * once with SQLITE_BUSY when another connection (the ledger's) wrote in between, and the busy timeout
 * cannot help. `BEGIN IMMEDIATE` takes the write lock up front, waiting (busy_timeout) for its turn, so
 * writers are serialised instead of failing. Should even that wait run out, it falls back to a deferred
 * `BEGIN`: the adapter holds its transaction mutex across BEGIN and never releases it when BEGIN throws,
 * which would wedge every later transaction; a failure inside the transaction releases it properly.
 */
function immediateTransactions(client: Database.Database): Database.Database {
  const begin = (target: Database.Database) => ({
    run: () => {
      try {
        return target.prepare('BEGIN IMMEDIATE').run();
      } catch (err) {
        if (!/^SQLITE_BUSY/.test((err as { code?: string }).code ?? '')) throw err;
        return target.prepare('BEGIN').run();
      }
    },
  });
  return new Proxy(client, {
    get(target, prop) {
      if (prop === 'prepare') return (sql: string) => (sql === 'BEGIN' ? begin(target) : target.prepare(sql));
      const value: unknown = Reflect.get(target, prop, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

/** Prisma's better-sqlite3 adapter with compiled statements reused (see `withStatementCache`). */
export function sqliteAdapter(path: string): SqlMigrationAwareDriverAdapterFactory {
  const inner = new PrismaBetterSqlite3({ url: path }, { timestampFormat: 'iso8601' });
  return {
    provider: inner.provider,
    adapterName: inner.adapterName,
    connect: async () => cachingStatements(await inner.connect()),
    connectToShadowDb: () => inner.connectToShadowDb(),
  };
}
