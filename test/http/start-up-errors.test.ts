import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { createTestDatabase } from '../support/test-store.js';

const dir = mkdtempSync(join(tmpdir(), 'knooppunt-startup-'));
after(() => rmSync(dir, { recursive: true, force: true }));

/** Runs `npm start`'s entry point with extra settings; resolves with its exit code and stderr. */
async function start(env: Record<string, string>): Promise<{ code: number | null; stderr: string }> {
  const db = await createTestDatabase();
  await db.store.close();
  const child = spawn(process.execPath, ['--import', 'tsx', 'gateway/server.ts'], {
    env: {
      ...process.env,
      PORT: '0',
      KNOOPPUNT_DATA_DIR: join(dir, 'data'),
      DATABASE_URL: db.url,
      LOG_LEVEL: 'silent',
      ...env,
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  const code = await new Promise<number | null>((resolve) => child.on('exit', (c) => resolve(c)));
  await db.drop();
  return { code, stderr };
}

describe('start-up with a broken certificate or CRL file', () => {
  it('names a CRL file that is not a CRL, without a stack trace, and exits 78', { timeout: 60_000 }, async () => {
    const crl = join(dir, 'kapot.crl.pem');
    writeFileSync(crl, '-----BEGIN X509 CRL-----\nbm9nIGdlZW4gQ1JM\n-----END X509 CRL-----\n');
    const { code, stderr } = await start({ KNOOPPUNT_CRL_FILE: crl });
    assert.equal(code, 78, `exit code; stderr: ${stderr}`);
    assert.match(stderr, /KNOOPPUNT_CRL_FILE/, 'names the setting');
    assert.ok(stderr.includes(crl), 'names the file');
    assert.doesNotMatch(stderr, /\n\s+at /, 'no stack trace');
  });

  it('names a server certificate file that is not a certificate, and exits 78', { timeout: 60_000 }, async () => {
    const cert = join(dir, 'kapot.pem');
    writeFileSync(cert, 'dit is geen certificaat');
    const { code, stderr } = await start({ KNOOPPUNT_TLS_CERT: cert });
    assert.equal(code, 78, `exit code; stderr: ${stderr}`);
    assert.ok(stderr.includes('KNOOPPUNT_TLS_CERT') && stderr.includes(cert), `names setting and file: ${stderr}`);
    assert.doesNotMatch(stderr, /\n\s+at /, 'no stack trace');
  });

  it('names a missing CA bundle, and exits 78', { timeout: 60_000 }, async () => {
    const ca = join(dir, 'bestaat-niet.pem');
    const { code, stderr } = await start({ KNOOPPUNT_TLS_CA: ca });
    assert.equal(code, 78, `exit code; stderr: ${stderr}`);
    assert.match(stderr, /KNOOPPUNT_TLS_CA .*bestaat-niet\.pem: file not found/);
  });
});
