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

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Drops a test database. FORCE cannot end an autovacuum worker for a non-superuser (PostgreSQL answers
 * 42501), and one may be busy on a database a test just wrote to: wait for it and try again. The admin
 * connection is always closed, so a failed drop fails the test instead of keeping the process alive.
 */
async function dropDatabase(base: string, name: string): Promise<void> {
  const c = new pg.Client({ connectionString: base });
  await c.connect();
  try {
    for (let attempt = 1; ; attempt++) {
      try {
        await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        return;
      } catch (e) {
        if ((e as { code?: string }).code !== '42501' || attempt >= 20) throw e;
        await sleep(250);
      }
    }
  } finally {
    await c.end();
  }
}

/** A fresh, migrated, empty database of its own for one test file, on the suite's database kind. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const base = process.env.DATABASE_URL;
  if (testProvider() === 'postgresql' && base) {
    const name = `knooppunt_t_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: base });
    await admin.connect();
    try {
      await admin.query(`CREATE DATABASE ${name}`);
    } finally {
      await admin.end();
    }
    const url = new URL(base);
    url.pathname = `/${name}`;
    const store = await openStore(url.toString());
    return {
      url: url.toString(),
      store,
      drop: async () => {
        await store.close();
        await dropDatabase(base, name);
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
