import { after, before } from 'node:test';
import type { Express } from 'express';
import { loadConfig } from '../../gateway/config/load-config.js';
import { createApp } from '../../gateway/create-app.js';
import type { Clock } from '../../gateway/clock.js';
import { loadContract } from '../../openapi/load-contract.js';
import { captureLogger } from './capture-logger.js';
import { createTestDatabase, type TestDatabase } from './test-store.js';

export interface TestApp {
  app: Express;
  db: TestDatabase;
  logLines: () => string[];
  clock: Clock & { set(d: Date): void };
}

/**
 * Registers before/after hooks that give the calling test file an app on a fresh database, and
 * returns a handle whose fields are filled in once `before` has run.
 */
export function useTestApp(env: Record<string, string> = {}): TestApp {
  const handle = {} as TestApp;
  before(async () => {
    const db = await createTestDatabase();
    const { logger, lines } = captureLogger();
    let now = new Date('2026-11-22T09:00:00Z');
    const clock = { now: () => new Date(now), set: (d: Date) => { now = d; } };
    const config = loadConfig({ DATABASE_URL: db.url, KNOOPPUNT_DATA_DIR: '/tmp/knooppunt-unused', ...env });
    Object.assign(handle, { db, logLines: lines, clock, app: createApp({ config, logger, store: db.store, contract: loadContract(), clock }) });
  });
  after(async () => {
    await handle.db?.drop();
  });
  return handle;
}
