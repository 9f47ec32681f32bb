import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { contractPath } from '../../openapi/contract-url.js';
import { loadContract } from '../../openapi/load-contract.js';
import { httpsCall } from '../support/https-call.js';
import { startGatewayProcess, type GatewayProcess } from '../support/gateway-process.js';
import { createTestDatabase, testProvider, type TestDatabase } from '../support/test-store.js';

const skip = testProvider() !== 'postgresql' && 'KNOOPPUNT_WORKERS above 1 needs PostgreSQL';

describe('KNOOPPUNT_WORKERS=2', { skip }, () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'knooppunt-workers-'));
  let db: TestDatabase | undefined;
  let gateway: GatewayProcess | undefined;
  after(async () => {
    await gateway?.stop();
    await db?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('runs two gateway processes behind one port, each answering over TLS', { timeout: 120_000 }, async () => {
    db = await createTestDatabase();
    gateway = await startGatewayProcess({ KNOOPPUNT_DATA_DIR: dataDir, DATABASE_URL: db.url, KNOOPPUNT_WORKERS: '2' });
    const ca = readFileSync(join(dataDir, 'pki', 'ca.pem'));
    const health = `${gateway.url}${contractPath(loadContract(), 'getHealth')}`;
    const listeners = async () =>
      (
        await db!.store.db.$queryRawUnsafe<{ n: bigint }[]>(
          `SELECT count(DISTINCT application_name) AS n FROM pg_stat_activity
            WHERE datname = current_database() AND application_name LIKE 'knooppunt-notices-%'`,
        )
      )[0]!.n;
    for (let waited = 0; Number(await listeners()) < 2 && waited < 60_000; waited += 250)
      await new Promise((r) => setTimeout(r, 250));
    assert.equal(Number(await listeners()), 2, 'two worker processes listen for change notices');
    for (let i = 0; i < 8; i++) {
      const res = await httpsCall(health, { ca });
      assert.equal(res.status, 200, `call ${i} is answered: ${res.body}`);
    }
  });

  it('refuses to start more than one worker on SQLite', async () => {
    await assert.rejects(
      startGatewayProcess({ KNOOPPUNT_DATA_DIR: dataDir, DATABASE_URL: 'file:./data/x.db', KNOOPPUNT_WORKERS: '2' }),
      /exited with 78/,
    );
  });
});
