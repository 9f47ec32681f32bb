import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { SqlDriverAdapter, SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import type { MigrationList } from '@prisma/schema-engine-wasm';
import type { Provider } from './database-url.js';
import { migrationsDir, prismaSchemaFor } from './prisma-schemas.js';
import { openSchemaEngine } from './schema-engine.js';

const noFilter = { externalTables: [], externalEnums: [] };

/**
 * Runs `work` on a schema engine and then closes every connection the engine opened: freeing the
 * engine does not, and a SQLite connection left open would keep its locks for the process's lifetime.
 */
async function withEngine<T>(
  adapter: SqlMigrationAwareDriverAdapterFactory,
  datamodel: string,
  work: (engine: Awaited<ReturnType<typeof openSchemaEngine>>) => Promise<T>,
): Promise<T> {
  const opened: SqlDriverAdapter[] = [];
  const track = async (connect: () => Promise<SqlDriverAdapter>) => {
    const connection = await connect();
    opened.push(connection);
    return connection;
  };
  const tracked: SqlMigrationAwareDriverAdapterFactory = {
    provider: adapter.provider,
    adapterName: adapter.adapterName,
    connect: () => track(() => adapter.connect()),
    connectToShadowDb: () => track(() => adapter.connectToShadowDb()),
  };
  const engine = await openSchemaEngine(tracked, [['schema.prisma', datamodel]]);
  try {
    return await work(engine);
  } finally {
    engine.free();
    await Promise.all(opened.map((c) => c.dispose()));
  }
}

/** Reads a Prisma migrations folder the way `prisma migrate deploy` would. */
export async function readMigrations(provider: Provider, dir = migrationsDir(provider)): Promise<MigrationList> {
  const names = existsSync(dir)
    ? (await readdir(dir, { withFileTypes: true }))
        .filter((d) => d.isDirectory())
        .map((d) => d.name)
        .sort()
    : [];
  const lockPath = join(dir, 'migration_lock.toml');
  return {
    baseDir: dir,
    lockfile: { path: 'migration_lock.toml', content: existsSync(lockPath) ? await readFile(lockPath, 'utf8') : null },
    shadowDbInitScript: '',
    migrationDirectories: await Promise.all(
      names.map(async (name) => ({
        path: name,
        migrationFile: {
          path: 'migration.sql',
          content: { tag: 'ok' as const, value: await readFile(join(dir, name, 'migration.sql'), 'utf8') },
        },
      })),
    ),
  };
}

/**
 * Applies every migration not yet applied, recorded in `_prisma_migrations` exactly as the Prisma CLI
 * does, through the WebAssembly schema engine (no engine download). Returns the names just applied.
 */
export async function applyMigrations(
  provider: Provider,
  adapter: SqlMigrationAwareDriverAdapterFactory,
): Promise<string[]> {
  const migrationsList = await readMigrations(provider);
  return withEngine(adapter, prismaSchemaFor(provider), async (engine) => {
    const out = await engine.applyMigrations({ migrationsList, filters: noFilter });
    return out.appliedMigrationNames;
  });
}

/** The SQL that takes a database from schema `from` (or empty) to schema `to`; no database is touched. */
export async function diffSchemas(
  adapter: SqlMigrationAwareDriverAdapterFactory,
  from: string | undefined,
  to: string,
): Promise<string> {
  return withEngine(adapter, to, async (engine) => {
    const model = (content: string) => ({
      tag: 'schemaDatamodel' as const,
      files: [{ path: 'schema.prisma', content }],
    });
    const result = await engine.diff({
      from: from === undefined ? { tag: 'empty' } : model(from),
      to: model(to),
      script: true,
      exitCode: null,
      filters: noFilter,
    });
    return result.stdout ?? '';
  });
}
