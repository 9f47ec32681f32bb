import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import Database from 'better-sqlite3';
import { diffSchemas, readMigrations } from '../../../../adapters/store/migrate.js';
import { offlineAdapter } from '../../../../adapters/store/offline-adapter.js';
import { prismaSchemaFor } from '../../../../adapters/store/prisma-schemas.js';

/**
 * Migrations are written per branch and merged; the snapshot check cannot see two migrations that
 * together miss or double a change. This builds the database twice — once by replaying every migration,
 * once straight from schema.prisma — and compares what SQLite says about each table.
 */
function describeDatabase(db: Database.Database): Record<string, unknown> {
  const tables = db
    .prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE '\\_%' ESCAPE '\\' ORDER BY name`)
    .all() as { name: string }[];
  const out: Record<string, unknown> = {};
  for (const { name } of tables) {
    // Column order (cid) differs where a migration added a column at the end: not a difference that matters.
    const columns = (db.prepare(`PRAGMA table_info("${name}")`).all() as { name: string; cid?: number }[]).map(
      ({ cid: _cid, ...column }) => column,
    );
    const indexes = (db.prepare(`PRAGMA index_list("${name}")`).all() as { name: string; unique: number }[])
      .map((i) => ({
        unique: i.unique,
        columns: (db.prepare(`PRAGMA index_info("${i.name}")`).all() as { name: string }[]).map((c) => c.name),
      }))
      .sort((a, b) => a.columns.join().localeCompare(b.columns.join()) || a.unique - b.unique);
    const foreignKeys = (db.prepare(`PRAGMA foreign_key_list("${name}")`).all() as Record<string, unknown>[])
      .map(({ table, from, to, on_delete, on_update }) => ({ table, from, to, on_delete, on_update }))
      .sort((a, b) => String(a.from).localeCompare(String(b.from)));
    out[name] = { columns: columns.sort((a, b) => a.name.localeCompare(b.name)), indexes, foreignKeys };
  }
  return out;
}

describe('the SQLite migrations', () => {
  it('replayed in order, build exactly the tables, columns, indexes and foreign keys schema.prisma describes', async () => {
    const replayed = new Database(':memory:');
    for (const m of (await readMigrations('sqlite')).migrationDirectories) {
      const file = m.migrationFile.content;
      assert.equal(file.tag, 'ok', `${m.path} is readable`);
      if (file.tag === 'ok') replayed.exec(file.value);
    }
    const direct = new Database(':memory:');
    direct.exec(await diffSchemas(offlineAdapter('sqlite'), undefined, prismaSchemaFor('sqlite')));
    assert.deepEqual(describeDatabase(replayed), describeDatabase(direct));
  });
});
