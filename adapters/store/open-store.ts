import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { PrismaPg } from '@prisma/adapter-pg';
import type { SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import { PrismaClient as SqliteClient } from './generated/sqlite/client.js';
import { PrismaClient as PostgresClient } from './generated/postgresql/client.js';
import { sqliteAdapter } from './sqlite-adapter.js';
import { providerOf, sqlitePath, type Provider } from './database-url.js';
import { applyMigrations, readMigrations } from './migrate.js';
import { rateLimitCounter, type RateLimitCounter } from './rate-limit-counter.js';
import type { Db } from './db-client.js';
import { repositoryStore, type RepositoryStore } from './repositories.js';

export type { Db } from './db-client.js';
import { withTransactionRetry } from './retrying-transactions.js';

/**
 * The opened database: its repositories and unit of work (all the gateway uses), plus the raw client
 * for the adapters beside the store (ledger checkpoints, verification) and for tests.
 */
export interface Store extends RepositoryStore {
  readonly provider: Provider;
  readonly db: Db;
  /** Throws when the database cannot be reached. */
  ping(): Promise<void>;
  /**
   * Rate-limit budgets shared by every gateway process on this database (PostgreSQL: there may be N);
   * undefined on SQLite, where one process keeps them in memory.
   */
  sharedRateLimits(): RateLimitCounter | undefined;
  /** How many migrations this database has applied, and which of the folder's it has not (empty when up to date). */
  migrations(): Promise<{ applied: number; pending: string[] }>;
  close(): Promise<void>;
}

/** SQLite settings every connection needs: WAL for readers beside the writer, FULL so an acknowledged commit survives a crash. */
const sqlitePragmas = ['journal_mode = WAL', 'synchronous = FULL', 'foreign_keys = ON', 'busy_timeout = 15000'];

/**
 * Interactive transactions may wait this long for their turn (SQLite has one writer; the ledger writes
 * through its own connection) and run this long: under 16-way load the defaults (2 s / 5 s) expired.
 */
const transactionOptions = { maxWait: 15_000, timeout: 30_000 };

export function adapterFor(databaseUrl: string): SqlMigrationAwareDriverAdapterFactory {
  if (providerOf(databaseUrl) === 'postgresql') return new PrismaPg({ connectionString: databaseUrl });
  const path = sqlitePath(databaseUrl);
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  return sqliteAdapter(path);
}

async function applySqlitePragmas(db: Db): Promise<void> {
  for (const pragma of sqlitePragmas) await db.$queryRawUnsafe(`PRAGMA ${pragma}`);
}

async function migrationStatus(db: Db, expected: string[]): Promise<{ applied: number; pending: string[] }> {
  let rows: { migration_name: string }[];
  try {
    rows = await db.$queryRawUnsafe<{ migration_name: string }[]>(
      'SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL',
    );
  } catch {
    return { applied: 0, pending: expected }; // a fresh database has no _prisma_migrations table yet
  }
  const applied = new Set(rows.map((r) => r.migration_name));
  return { applied: rows.length, pending: expected.filter((name) => !applied.has(name)) };
}

function newClient(provider: Provider, databaseUrl: string): Db {
  const adapter = adapterFor(databaseUrl);
  const client =
    provider === 'sqlite'
      ? new SqliteClient({ adapter, transactionOptions })
      : new PostgresClient({ adapter, transactionOptions });
  return withTransactionRetry(client as unknown as Db);
}

/**
 * Opens the store; with `migrate` (the default) pending migrations are applied first. The schema engine
 * only starts when something is pending: it locks the database, which a running gateway (or a CLI next
 * to one) must not run into on every start.
 */
export async function openStore(databaseUrl: string, options: { migrate?: boolean } = {}): Promise<Store> {
  const provider = providerOf(databaseUrl);
  const expected = (await readMigrations(provider)).migrationDirectories.map((m) => m.path);
  let db = newClient(provider, databaseUrl);
  if ((options.migrate ?? true) && (await migrationStatus(db, expected)).pending.length > 0) {
    await db.$disconnect();
    await applyMigrations(provider, adapterFor(databaseUrl));
    db = newClient(provider, databaseUrl);
  }
  if (provider === 'sqlite') await applySqlitePragmas(db);
  return {
    ...repositoryStore(db),
    provider,
    db,
    async ping() {
      await db.$queryRawUnsafe('SELECT 1');
    },
    sharedRateLimits: () => (provider === 'postgresql' ? rateLimitCounter(db, provider) : undefined),
    migrations: () => migrationStatus(db, expected),
    async close() {
      await db.$disconnect();
    },
  };
}
