import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { openStore, type Store } from '../../adapters/store/open-store.js';

export interface TestDatabase {
  url: string;
  store: Store;
  /** Closes the store and removes the database. */
  drop(): Promise<void>;
}

/** The database the suite runs against: PostgreSQL when DATABASE_URL names one, else SQLite. */
export function testProvider(): 'sqlite' | 'postgresql' {
  return /^postgres(ql)?:\/\//.test(process.env.DATABASE_URL ?? '') ? 'postgresql' : 'sqlite';
}

/** A fresh, migrated, empty database of its own for one test file, on the suite's database kind. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const base = process.env.DATABASE_URL;
  if (testProvider() === 'postgresql' && base) {
    const name = `knooppunt_t_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: base });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const url = new URL(base);
    url.pathname = `/${name}`;
    const store = await openStore(url.toString());
    return {
      url: url.toString(),
      store,
      drop: async () => {
        await store.close();
        const c = new pg.Client({ connectionString: base });
        await c.connect();
        await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await c.end();
      },
    };
  }
  const dir = mkdtempSync(join(tmpdir(), 'knooppunt-test-'));
  const url = `file:${join(dir, 'test.db')}`;
  const store = await openStore(url);
  return {
    url,
    store,
    drop: async () => {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
