import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { diffSchemas } from './migrate.js';
import { offlineAdapter } from './offline-adapter.js';
import type { Provider } from './database-url.js';
import { migrationsDir, prismaSchemaFor, schemaSourcePath } from './prisma-schemas.js';

/**
 * `npm run db:migration -- <name>`: writes the next migration for SQLite and for PostgreSQL from the
 * change between `schema.prisma` and the schema the last migration was made from (kept beside it as
 * `schema-at-last-migration.prisma`). Diffing two datamodels needs no database and no engine download.
 */
export const snapshotPath = fileURLToPath(new URL('./prisma/schema-at-last-migration.prisma', import.meta.url));

function timestamp(now: Date): string {
  return now.toISOString().replace(/[-:T]/g, '').slice(0, 14);
}

async function main(name: string | undefined): Promise<number> {
  if (!name || !/^[a-z0-9_]+$/.test(name)) {
    console.error('usage: npm run db:migration -- <name>   (lowercase letters, digits and _)');
    return 2;
  }
  const current = readFileSync(schemaSourcePath, 'utf8');
  const previous = existsSync(snapshotPath) ? readFileSync(snapshotPath, 'utf8') : undefined;
  const folder = `${timestamp(new Date())}_${name}`;
  // Both diffs first, then write: a failure leaves no half-made migration behind.
  const scripts: [Provider, string][] = [];
  for (const provider of ['sqlite', 'postgresql'] as const) {
    const sql = await diffSchemas(
      offlineAdapter(provider),
      previous && prismaSchemaFor(provider, previous),
      prismaSchemaFor(provider, current),
    );
    if (/\S/.test(sql.replace(/--.*$/gm, ''))) scripts.push([provider, sql]);
  }
  if (scripts.length === 0) {
    console.log('schema.prisma has no changes since the last migration; nothing written');
    return 0;
  }
  for (const [provider, sql] of scripts) {
    const dir = join(migrationsDir(provider), folder);
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'migration.sql'), sql);
    const lock = join(migrationsDir(provider), 'migration_lock.toml');
    if (!existsSync(lock))
      writeFileSync(lock, `# Written by npm run db:migration; keep it in version control.\nprovider = "${provider}"\n`);
    console.log(`wrote ${dir}/migration.sql`);
  }
  writeFileSync(snapshotPath, current);
  return 0;
}

process.exitCode = await main(process.argv[2]);
