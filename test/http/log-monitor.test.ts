import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { checkpointText } from '../../adapters/ledger/checkpoints.js';
import { verifyConsistency, verifyInclusion } from '../../adapters/ledger/merkle.js';
import { noteSigner } from '../../adapters/ledger/signed-note.js';
import { generateKeyPairSync } from 'node:crypto';
import { runCli } from '../../gateway/cli/knooppunt.js';
import { witnessKeysPath } from '../../gateway/bootstrap/key-paths.js';
import { httpsCall } from '../support/https-call.js';
import { useTestApp } from '../support/test-app.js';

/**
 * Issue 14: the log's public face over real HTTPS, without a partner certificate — checkpoints,
 * proofs and the verifier key — followed by `knooppunt ledger monitor` and cosigned by a witness.
 */
const t = useTestApp({ https: true, env: { KNOOPPUNT_RATE_LIMIT_PER_MINUTE: '10' } });
let dir: string;
let vkey: string;
const get = (path: string) => httpsCall(`${t.url}${path}`, { ca: readFileSync(t.pki.caCert) });
const grow = async (n: number) => {
  for (let i = 0; i < n; i++) await t.ledger.append({ soort: 'test', i }, new Date());
  return t.integrity.sign();
};
const cli = async (...args: string[]) => {
  const out: string[] = [];
  const code = await runCli(['ledger', ...args], {
    out: (l) => out.push(l),
    err: (l) => out.push(l),
    env: { DATABASE_URL: t.db.url, KNOOPPUNT_DATA_DIR: dir },
  });
  return { code, out: out.join('\n') };
};
const monitor = (state: string, ...extra: string[]) =>
  cli('monitor', '--url', t.url, '--key', vkey, '--state', state, '--ca', t.pki.caCert, ...extra);
/** A state file as a monitor would have written it after seeing `note`. */
const stateWith = (name: string, size: number, root: Buffer) => {
  const path = join(dir, name);
  const note = noteSigner(t.ledger.origin, t.logSigningKey).sign(checkpointText(t.ledger.origin, size, root));
  writeFileSync(
    path,
    JSON.stringify({ origin: t.ledger.origin, size, rootHex: root.toString('hex'), signedNote: note }),
  );
  return path;
};

describe('the public log endpoints, a monitor and a witness', () => {
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'knooppunt-monitor-'));
    await grow(5);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('serves checkpoints, both proofs and the verifier key without a partner certificate', async () => {
    const key = await get('/verstrekkingslog/publieke-sleutel');
    assert.equal(key.status, 200);
    vkey = key.json<{ verifierKey: string }>().verifierKey;
    const cp = await get('/verstrekkingslog/checkpoint');
    assert.equal(cp.status, 200, cp.body);
    const { grootte, rootHash } = cp.json<{ grootte: number; rootHash: string }>();
    assert.equal((await get(`/verstrekkingslog/checkpoints/${grootte}`)).status, 200);
    const incl = await get(`/verstrekkingslog/inclusiebewijs?index=2&grootte=${grootte}`);
    assert.equal(incl.status, 200, incl.body);
    const { leafHash, bewijs } = incl.json<{ leafHash: string; bewijs: string[] }>();
    const hex = (h: string) => Buffer.from(h, 'hex');
    assert.ok(verifyInclusion(2, grootte, hex(leafHash), bewijs.map(hex), hex(rootHash)));
    await grow(3);
    const cons = await get(`/verstrekkingslog/consistentiebewijs?van=${grootte}&tot=${grootte + 3}`);
    assert.equal(cons.status, 200, cons.body);
    const later = (await get('/verstrekkingslog/checkpoint')).json<{ rootHash: string }>();
    const proof = cons.json<{ bewijs: string[] }>().bewijs.map(hex);
    assert.ok(verifyConsistency(grootte, grootte + 3, hex(rootHash), hex(later.rootHash), proof));
  });

  it('reading the checkpoint never signs one: an anonymous caller cannot force signing', async () => {
    const before = (await get('/verstrekkingslog/checkpoint')).json<{ grootte: number }>().grootte;
    await t.ledger.append({ soort: 'test', ongetekend: true }, new Date());
    const again = (await get('/verstrekkingslog/checkpoint')).json<{ grootte: number }>().grootte;
    assert.equal(again, before);
    assert.equal(await t.db.store.db.ledgerCheckpoint.count({ where: { size: { gt: before } } }), 0);
    await t.integrity.sign();
  });

  it('monitor: first sight and growth are fine (exit 0) and stored in the state file', async () => {
    const state = join(dir, 'monitor.json');
    const first = await monitor(state);
    assert.equal(first.code, 0, first.out);
    const seen = JSON.parse(readFileSync(state, 'utf8')) as { size: number };
    await grow(2);
    const next = await monitor(state);
    assert.equal(next.code, 0, next.out);
    assert.match(next.out, new RegExp(`${seen.size} → ${seen.size + 2}: consistent`));
    assert.equal((JSON.parse(readFileSync(state, 'utf8')) as { size: number }).size, seen.size + 2);
  });

  it('monitor: a bad signature exits 3, a rollback 4, a fork 5 — and the state file is left alone', async () => {
    const current = (await get('/verstrekkingslog/checkpoint')).json<{ grootte: number; rootHash: string }>();
    const impostor = noteSigner(t.ledger.origin, generateKeyPairSync('ed25519').privateKey).verifierKey();
    const state = stateWith('bad-sig.json', 1, randomBytes(32));
    const bad = await cli('monitor', '--url', t.url, '--key', impostor, '--state', state, '--ca', t.pki.caCert);
    assert.equal(bad.code, 3, bad.out);

    const larger = stateWith('rollback.json', current.grootte + 10, randomBytes(32));
    const rollback = await monitor(larger);
    assert.equal(rollback.code, 4, rollback.out);
    assert.match(rollback.out, /TERUGGEDRAAID/);
    assert.equal((JSON.parse(readFileSync(larger, 'utf8')) as { size: number }).size, current.grootte + 10);

    const sameSize = await monitor(stateWith('fork-same.json', current.grootte, randomBytes(32)));
    assert.equal(sameSize.code, 5, sameSize.out);
    const earlier = await monitor(stateWith('fork-prefix.json', current.grootte - 3, randomBytes(32)));
    assert.equal(earlier.code, 5, earlier.out);
    assert.match(earlier.out, /consistency proof does not verify/);
  });

  it('witness: cosigns after checking consistency, the gateway stores it, and monitor can require it (else exit 6)', async () => {
    const witnessKey = join(dir, 'witness.pem');
    const made = await cli('witness-key', '--witness-key-file', witnessKey, '--name', 'gemeente-demo/getuige');
    assert.equal(made.code, 0, made.out);
    const witnessVkey = made.out.trim();
    const state = join(dir, 'monitor-w.json');
    assert.equal((await monitor(state)).code, 0);
    await grow(1);
    const unwitnessed = await monitor(state, '--witness-key', witnessVkey);
    assert.equal(unwitnessed.code, 6, unwitnessed.out);

    // Not yet a known witness: the gateway refuses the cosignature.
    const wstate = join(dir, 'witness-state.json');
    const witness = (...extra: string[]) =>
      cli(
        'witness',
        '--url',
        t.url,
        '--key',
        vkey,
        '--state',
        wstate,
        '--ca',
        t.pki.caCert,
        '--witness-key-file',
        witnessKey,
        '--name',
        'gemeente-demo/getuige',
        ...extra,
      );
    const refused = await witness('--submit');
    assert.equal(refused.code, 1, refused.out);
    assert.match(refused.out, /HTTP 400/);

    mkdirSync(join(t.dataDir, 'ledger'), { recursive: true });
    writeFileSync(witnessKeysPath(t.dataDir), `# de gemeente\n${witnessVkey}\n`);
    const cosigned = await witness('--submit');
    assert.equal(cosigned.code, 0, cosigned.out);
    assert.match(cosigned.out, /^— gemeente-demo\/getuige /m);
    const note = (await get('/verstrekkingslog/checkpoint')).json<{ signedNote: string }>().signedNote;
    assert.match(note, /^— gemeente-demo\/getuige /m);
    const witnessed = await monitor(state, '--witness-key', witnessVkey);
    assert.equal(witnessed.code, 0, witnessed.out);
  });

  it('rate-limits the public endpoints per address', async () => {
    let status = 0;
    for (let i = 0; i < 120 && status !== 429; i++) status = (await get('/verstrekkingslog/checkpoint')).status;
    assert.equal(status, 429);
  });
});
