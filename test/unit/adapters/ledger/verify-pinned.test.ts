import assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import fc from 'fast-check';
import { checkpoints } from '../../../../adapters/ledger/checkpoints.js';
import { parsePinnedCheckpoint } from '../../../../adapters/ledger/checkpoint-body.js';
import { witnessSigner, witnessVerifier } from '../../../../adapters/ledger/cosignature.js';
import { createLedger } from '../../../../adapters/ledger/ledger.js';
import type { LedgerStorage } from '../../../../adapters/ledger/ledger-storage.js';
import { openLedgerStorage } from '../../../../adapters/ledger/open-ledger-storage.js';
import { noteSigner, noteVerifier } from '../../../../adapters/ledger/signed-note.js';
import { verifyLedger, type VerifyOptions } from '../../../../adapters/ledger/verify-ledger.js';
import { keyPaths } from '../../../../gateway/bootstrap/key-paths.js';
import { runCli } from '../../../../gateway/cli/knooppunt.js';
import { ledgerTamper } from '../../../support/ledger-tamper.js';
import { createTestDatabase, type TestDatabase } from '../../../support/test-store.js';

let db: TestDatabase;
/** One storage for the file: each test (and each property run) writes a log of its own in it. */
let sharedStorage: LedgerStorage;
let logCount = 0;
const key = generateKeyPairSync('ed25519').privateKey;
const t0 = new Date('2026-11-02T09:00:00.000Z');

/** A fresh log in the shared database: `n` entries, a signed checkpoint after each size in `signAt`. */
async function freshLog(n: number, signAt: number[] = [n]) {
  const logId = `pin-${++logCount}`;
  const log = createLedger(sharedStorage, logId);
  const signer = noteSigner(logId, key);
  const cps = checkpoints(db.store, log, signer, key);
  const notes = new Map<number, string>();
  const append = async (count: number, tag: string) => {
    const from = await log.size();
    for (let i = 0; i < count; i++)
      await log.append({ i: from + i, tag, tijd: new Date(t0.getTime() + (from + i) * 1000).toISOString() }, t0);
  };
  for (let size = 1; size <= n; size++) {
    await append(1, 'echt');
    if (signAt.includes(size)) notes.set(size, (await cps.create())!.signedNote);
  }
  const verifier = noteVerifier(signer.verifierKey());
  const verify = (options: VerifyOptions = {}) =>
    verifyLedger(db.url, db.store, logId, verifier, () => {}, { threads: 0, ...options });
  const pin = (size: number) => parsePinnedCheckpoint(notes.get(size)!, verifier, logId);
  return { logId, log, signer, cps, notes, append, verify, pin };
}

describe('ledger verify against a pinned checkpoint', () => {
  before(async () => {
    db = await createTestDatabase();
    sharedStorage = openLedgerStorage(db.url);
  });
  after(async () => {
    await sharedStorage.close();
    await db.drop();
  });

  it('passes an untouched log pinned at an earlier checkpoint', async () => {
    const l = await freshLog(12, [5, 12]);
    assert.deepEqual((await l.verify({ pinned: l.pin(5) })).problems, []);
  });

  it('fails when history was cut and the later checkpoints deleted, which without the pin passes', async () => {
    const l = await freshLog(12, [5, 12]);
    const tamper = ledgerTamper(db);
    await tamper.cutFrom(l.logId, 8);
    await tamper.deleteCheckpointsAbove(l.logId, 5);
    assert.deepEqual((await l.verify()).problems, [], 'what is left is self-consistent');
    const r = await l.verify({ pinned: l.pin(12) });
    assert.ok(
      r.problems.some((p) => /pinned checkpoint 12: the log has only 8 entries/.test(p)),
      r.problems.join('\n'),
    );
  });

  it('fails when history below the pin was rewritten and re-signed with the log key, its checkpoints replaced', async () => {
    const l = await freshLog(10, [4, 10]);
    const tamper = ledgerTamper(db);
    await tamper.cutFrom(l.logId, 6);
    await tamper.deleteCheckpointsAbove(l.logId, 4);
    await l.append(4, 'vervalst');
    await l.cps.create(); // a fresh checkpoint at 10 over the rewritten history, with the real key
    assert.deepEqual((await l.verify()).problems, [], 'without a pin the rewrite is invisible');
    const r = await l.verify({ pinned: l.pin(10) });
    assert.ok(
      r.problems.some((p) => /pinned checkpoint 10: the entries no longer hash to its root/.test(p)),
      r.problems.join('\n'),
    );
    // A pin below the rewrite still holds: only what was rewritten is blamed.
    assert.deepEqual((await l.verify({ pinned: l.pin(4) })).problems, []);
  });

  it('fails on a tijd column changed, though the leaf hash does not cover the column, and readers keep the body time', async () => {
    const l = await freshLog(6);
    await ledgerTamper(db).setTijdColumn(l.logId, 3, '2020-01-01T00:00:00.000Z');
    const r = await l.verify();
    assert.deepEqual(r.problems, [
      'entry 3: its tijd column differs from the time in its hashed body (column altered)',
    ]);
    const [entry] = await l.log.entries(3, 4);
    assert.equal(entry!.tijd.toISOString(), new Date(t0.getTime() + 3000).toISOString());
  });

  it('reports entries after the last signed checkpoint as an unsigned tail, and fails them with strict', async () => {
    const l = await freshLog(7, [7]);
    await l.append(3, 'na-checkpoint');
    const lenient = await l.verify();
    assert.deepEqual(lenient.problems, []);
    assert.deepEqual(lenient.unsignedTail, { from: 7, to: 10 });
    const strict = await l.verify({ strict: true });
    assert.deepEqual(strict.problems, ['entries 7–9: after the last signed checkpoint (unsigned tail, --strict)']);
  });

  it('counts only witnessed checkpoints when a witness is required', async () => {
    const l = await freshLog(6, [3, 6]);
    const witness = witnessSigner('gemeente-x', generateKeyPairSync('ed25519').privateKey);
    const required = { witnesses: [witnessVerifier(witness.verifierKey())] };
    assert.deepEqual((await l.verify(required)).problems, ['no checkpoint is cosigned by gemeente-x']);
    const note = l.notes.get(3)!;
    const body = note.slice(0, note.lastIndexOf('\n\n') + 1);
    await l.cps.storeCosignedNote(3, note + witness.cosign(body, 1_790_000_000));
    const r = await l.verify(required);
    assert.deepEqual(r.problems, []);
    assert.deepEqual(r.unsignedTail, { from: 3, to: 6 });
    assert.deepEqual((await l.verify({ ...required, strict: true })).problems.length, 1);
  });

  it('fails exactly when a cut or a rewrite reaches below the pin (property)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 2, max: 12 }).chain((n) =>
          fc.record({
            n: fc.constant(n),
            pinAt: fc.integer({ min: 1, max: n }),
            tamperAt: fc.integer({ min: 0, max: n }),
            kind: fc.constantFrom('cut', 'rewrite', 'none'),
          }),
        ),
        async ({ n, pinAt, tamperAt, kind }) => {
          const l = await freshLog(n, [pinAt, n]);
          const tamper = ledgerTamper(db);
          if (kind !== 'none') {
            await tamper.cutFrom(l.logId, tamperAt);
            await tamper.deleteCheckpointsAbove(l.logId, tamperAt);
            if (kind === 'rewrite') await l.append(n - tamperAt, 'vervalst');
          }
          const r = await l.verify({ pinned: l.pin(pinAt) });
          const reachesPin = kind !== 'none' && tamperAt < pinAt;
          assert.equal(r.problems.length > 0, reachesPin, `${kind} at ${tamperAt}, pin ${pinAt}: ${r.problems}`);
        },
      ),
      { numRuns: 25 },
    );
  });

  it('`knooppunt ledger verify --checkpoint` takes a saved signed note or size:root, and --strict', async () => {
    const l = await freshLog(9, [9]);
    const dir = mkdtempSync(join(tmpdir(), 'knooppunt-pin-'));
    try {
      const file = join(dir, 'checkpoint.txt');
      writeFileSync(file, l.notes.get(9)!);
      const env = { DATABASE_URL: db.url, KNOOPPUNT_DATA_DIR: dir };
      const cli = async (...extra: string[]) => {
        const out: string[] = [];
        const code = await runCli(['ledger', 'verify', '--log', l.logId, '--key', l.signer.verifierKey(), ...extra], {
          out: (line) => out.push(line),
          err: () => {},
          env,
        });
        return { code, out: out.join('\n') };
      };
      assert.equal((await cli('--checkpoint', file)).code, 0);
      await l.append(2, 'staart');
      const tail = await cli('--checkpoint', file);
      assert.equal(tail.code, 0, tail.out);
      assert.match(tail.out, /regels 9–10 vallen na het laatste getekende checkpoint/);
      assert.equal((await cli('--checkpoint', file, '--strict')).code, 1);
      await ledgerTamper(db).cutFrom(l.logId, 5);
      await ledgerTamper(db).deleteCheckpointsAbove(l.logId, 0);
      const cut = await cli('--checkpoint', `9:${l.pin(9).root.toString('hex')}`);
      assert.equal(cut.code, 1, cut.out);
      assert.match(cut.out, /FOUT {2}pinned checkpoint 9: the log has only 5 entries/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('`knooppunt ledger checkpoint` signs nothing over a log cut below its newest checkpoint', async () => {
    const l = await freshLog(6, [6]);
    await ledgerTamper(db).cutFrom(l.logId, 3);
    const dir = mkdtempSync(join(tmpdir(), 'knooppunt-cp-'));
    mkdirSync(join(dir, 'keys'));
    writeFileSync(keyPaths(dir).ledgerSigning, key.export({ type: 'pkcs8', format: 'pem' }));
    try {
      const out: string[] = [];
      const code = await runCli(['ledger', 'checkpoint', '--log', l.logId], {
        out: (line) => out.push(line),
        err: () => {},
        env: { DATABASE_URL: db.url, KNOOPPUNT_DATA_DIR: dir },
      });
      assert.equal(code, 1, out.join('\n'));
      assert.match(out.join('\n'), /FOUT {2}the log has 3 entries, fewer than the 6 it had/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
