import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, unlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import {
  KeyFileError,
  loadGatewayKeys,
  rotateGatewayKeys,
  type GatewayKeys,
} from '../../../../adapters/crypto/gateway-keys.js';

/** Gives the file a new modification time, as a later write would, so the next reload sees a change. */
function touch(path: string, secondsAhead: number): void {
  const t = new Date(Date.now() + secondsAhead * 1000);
  utimesSync(path, t, t);
}

describe('gateway signing keys when the key file cannot be re-read', () => {
  let dir: string;
  let path: string;
  let keys: GatewayKeys;
  let firstKid: string;
  let privateD: string;
  const logged: { level: string; obj: Record<string, unknown>; msg: string }[] = [];
  const logger = {
    warn: (obj: Record<string, unknown>, msg: string) => logged.push({ level: 'warn', obj, msg }),
    info: (obj: Record<string, unknown>, msg: string) => logged.push({ level: 'info', obj, msg }),
  };

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'knooppunt-keys-'));
    path = join(dir, 'gateway-signing.json');
    keys = await loadGatewayKeys(path, new Date(), { logger });
    firstKid = keys.signing().kid;
    privateD = (JSON.parse(readFileSync(path, 'utf8')) as { keys: { privateJwk: { d: string } }[] }).keys[0]!.privateJwk
      .d;
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('reports a half-written file (reload rejects, one warning) and keeps signing with the last good key', async () => {
    const text = readFileSync(path, 'utf8');
    writeFileSync(path, text.slice(0, text.indexOf(privateD) + 20)); // cut off inside the private key
    touch(path, 10);
    await assert.rejects(
      keys.reload(),
      (e: unknown) => e instanceof KeyFileError && e.reason === 'not valid JSON' && e.path === path,
    );
    assert.equal(keys.signing().kid, firstKid, 'the last good key still signs');
    assert.equal(keys.reloadError()?.reason, 'not valid JSON');
    const warnings = logged.filter((l) => l.level === 'warn');
    assert.equal(warnings.length, 1, `expected one warning, got ${JSON.stringify(logged)}`);
    assert.equal(warnings[0]!.obj.reason, 'not valid JSON');
    assert.equal(warnings[0]!.obj.keyFile, path);
    assert.equal(warnings[0]!.obj.activeKid, firstKid);
  });

  it('never puts key material in the log or the error', async () => {
    const fragment = privateD.slice(0, 12);
    assert.ok(readFileSync(path, 'utf8').includes(fragment), 'the broken file does hold part of the key');
    assert.equal(JSON.stringify(logged).includes(fragment), false, 'the log holds part of the private key');
    assert.equal(keys.reloadError()!.message.includes(fragment), false, 'the error holds part of the private key');
  });

  it('warns once per change of the file, not on every retry', async () => {
    await assert.rejects(keys.reload(), KeyFileError);
    await assert.rejects(keys.reload(), KeyFileError);
    assert.equal(logged.filter((l) => l.level === 'warn').length, 1);
  });

  it('reports a missing file the same way', async () => {
    unlinkSync(path);
    await assert.rejects(keys.reload(), (e: unknown) => e instanceof KeyFileError && e.reason === 'ENOENT');
    assert.equal(keys.signing().kid, firstKid);
    assert.equal(logged.filter((l) => l.level === 'warn').at(-1)!.obj.reason, 'ENOENT');
  });

  it('recovers when a good file appears: the new key signs, the error clears, and that is logged', async () => {
    const kid = await rotateGatewayKeys(path, new Date());
    touch(path, 20);
    await keys.reload();
    assert.equal(keys.signing().kid, kid);
    assert.equal(keys.reloadError(), undefined);
    assert.equal(logged.at(-1)!.level, 'info');
    assert.equal(logged.at(-1)!.obj.activeKid, kid);
  });
});
