import { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3';
import type { SqlDriverAdapter, SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import type Database from 'better-sqlite3';
import { withStatementCache } from './statement-cache.js';

/** Puts the statement cache under an adapter Prisma connected; fails loudly if the adapter's shape changed. */
function cachingStatements(adapter: SqlDriverAdapter): SqlDriverAdapter {
  const holder = adapter as unknown as { client?: Database.Database };
  if (typeof holder.client?.prepare !== 'function')
    throw new Error('@prisma/adapter-better-sqlite3 no longer exposes its connection; remove the statement cache');
  holder.client = withStatementCache(holder.client);
  return adapter;
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
