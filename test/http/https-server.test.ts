import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { X509Certificate } from 'node:crypto';
import { startGateway } from '../../gateway/bootstrap/start-gateway.js';
import { loadConfig } from '../../gateway/config/load-config.js';
import { captureLogger } from '../support/capture-logger.js';
import { httpsCall } from '../support/https-call.js';
import { exitOf } from '../support/exit-of.js';
import { createTestDatabase } from '../support/test-store.js';

const dataDir = mkdtempSync(join(tmpdir(), 'knooppunt-https-'));
after(() => rmSync(dataDir, { recursive: true, force: true }));

describe('the HTTPS gateway on the embedded default', () => {
  it('creates the dev PKI on first start and serves health verified against data/pki/ca.pem', async () => {
    const db = await createTestDatabase();
    await db.store.close();
    const config = loadConfig({ PORT: '0', KNOOPPUNT_DATA_DIR: dataDir, DATABASE_URL: db.url });
    const gw = await startGateway(config, captureLogger().logger);
    try {
      const ca = readFileSync(gw.pki.caCert);
      const res = await httpsCall(`${gw.url}/health`, { ca });
      assert.equal(res.status, 200);
      assert.deepEqual(res.json(), { status: 'ok' });
      const partnerCert = new X509Certificate(readFileSync(gw.pki.partnerCert('politie-demo')));
      assert.match(partnerCert.subject, /serialNumber=00000099000000000003/);
      assert.ok(partnerCert.checkIssued(new X509Certificate(ca)), 'the partner certificate is issued by the dev CA');
      assert.equal(statSync(gw.pki.partnerKey('politie-demo')).mode & 0o077, 0, 'private keys are owner-only');
      assert.equal(await gw.store.db.partner.count(), 12);
    } finally {
      await gw.stop();
    }
    // Restart on the same data dir: same CA, same partners, no duplicates.
    const caBefore = readFileSync(join(dataDir, 'pki', 'ca.pem'), 'utf8');
    const again = await startGateway(config, captureLogger().logger);
    try {
      assert.equal(readFileSync(again.pki.caCert, 'utf8'), caBefore);
      assert.equal(await again.store.db.partner.count(), 12);
      assert.equal(await again.store.db.partnerCertificaat.count(), 12);
    } finally {
      await again.stop();
      await db.drop();
    }
  });

  it('refuses a TLS client that does not trust the dev CA', async () => {
    const db = await createTestDatabase();
    await db.store.close();
    const gw = await startGateway(
      loadConfig({ PORT: '0', KNOOPPUNT_DATA_DIR: dataDir, DATABASE_URL: db.url }),
      captureLogger().logger,
    );
    try {
      const otherCa = readFileSync(new URL('../fixtures/other-ca.pem', import.meta.url));
      await assert.rejects(httpsCall(`${gw.url}/health`, { ca: otherCa }), /certificate/);
    } finally {
      await gw.stop();
      await db.drop();
    }
  });
});

describe('npm start as a process', () => {
  it('prints how to call it and stops with exit code 0 on SIGTERM', { timeout: 60_000 }, async () => {
    const db = await createTestDatabase();
    await db.store.close();
    const child = spawn(process.execPath, ['--import', 'tsx', 'gateway/server.ts'], {
      env: { ...process.env, PORT: '0', KNOOPPUNT_DATA_DIR: dataDir, DATABASE_URL: db.url, LOG_LEVEL: 'warn' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no welcome within 45 s: ${out}`)), 45_000);
      child.stdout.on('data', () => {
        const m = /luistert op (https:\/\/\S+)/.exec(out);
        if (m) {
          clearTimeout(timer);
          resolve(m[1]!);
        }
      });
    });
    assert.match(out, /curl --cacert \S+ca\.pem https:\/\/localhost:\d+\/api\/v1\/health/);
    assert.match(out, /--cert \S+politie-demo\.pem --key \S+politie-demo\.key\.pem/);
    const res = await httpsCall(`${url}/health`, { ca: readFileSync(join(dataDir, 'pki', 'ca.pem')) });
    assert.equal(res.status, 200);
    child.kill('SIGTERM');
    assert.equal(await exitOf(child), 0, 'exit code after SIGTERM');
    await db.drop();
  });

  it('refuses to start on a wrong setting and names it', { timeout: 30_000 }, async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'gateway/server.ts'], {
      env: { ...process.env, PORT: 'zeven', KNOOPPUNT_DATA_DIR: dataDir },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let err = '';
    child.stderr.on('data', (c: Buffer) => (err += c.toString()));
    assert.equal(await exitOf(child), 78, `exit code for PORT=zeven; stderr: ${err}`);
    assert.match(err, /PORT/);
  });
});
