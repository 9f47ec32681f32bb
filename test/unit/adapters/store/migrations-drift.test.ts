import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { readMigrations } from '../../../../adapters/store/migrate.js';
import { prismaSchemaFor, schemaSourcePath } from '../../../../adapters/store/prisma-schemas.js';

const snapshot = fileURLToPath(
  new URL('../../../../adapters/store/prisma/schema-at-last-migration.prisma', import.meta.url),
);

describe('the database schema', () => {
  it('has a migration for every change (run npm run db:migration -- <name> after editing schema.prisma)', () => {
    assert.equal(readFileSync(schemaSourcePath, 'utf8'), readFileSync(snapshot, 'utf8'));
  });

  it('has the same migrations for SQLite and PostgreSQL', async () => {
    const names = async (p: 'sqlite' | 'postgresql') =>
      (await readMigrations(p)).migrationDirectories.map((m) => m.path);
    assert.deepEqual(await names('sqlite'), await names('postgresql'));
  });

  it('derives the PostgreSQL schema by changing only the provider and the client output', () => {
    const sqlite = prismaSchemaFor('sqlite').split('\n');
    const pg = prismaSchemaFor('postgresql').split('\n');
    const differing = sqlite.filter((line, i) => line !== pg[i]);
    assert.equal(differing.length, 2);
    assert.ok(
      pg.some((l) => l.includes('provider = "postgresql"')),
      'the PostgreSQL schema names provider postgresql',
    );
  });
});
