import assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { logSigning } from '../../../../adapters/ledger/checkpoints.js';
import { createLedger } from '../../../../adapters/ledger/ledger.js';
import type { LedgerStorage } from '../../../../adapters/ledger/ledger-storage.js';
import { openLedgerStorage } from '../../../../adapters/ledger/open-ledger-storage.js';
import { logIntegrity } from '../../../../gateway/disclosure/log-integrity.js';
import { captureLogger } from '../../../support/capture-logger.js';
import { ledgerTamper } from '../../../support/ledger-tamper.js';
import { createTestDatabase, type TestDatabase } from '../../../support/test-store.js';

let db: TestDatabase;
let storage: LedgerStorage;
let dir: string;
let count = 0;
const key = generateKeyPairSync('ed25519').privateKey;

/** A gateway's view of a fresh log: `n` entries, then a checkpoint signed through the guard. */
async function gateway(n: number) {
  const logId = `guard-${++count}`;
  const ledger = createLedger(storage, logId);
  const signing = logSigning(db.store, ledger, key);
  const { logger, lines } = captureLogger();
  const pinPath = join(dir, `${logId}.checkpoint`);
  const start = () => logIntegrity({ ledger, ...signing, logger, pinPath });
  const guard = start();
  const guarded = guard.guard(ledger);
  const append = (k: number, tag = 'echt') =>
    Promise.all(Array.from({ length: k }, (_, i) => guarded.append({ i, tag }, new Date())));
  await append(n);
  await guard.sign();
  return { logId, ledger, signing, guard, guarded, append, lines, start };
}

describe('the gateway guard over its disclosure log', () => {
  before(async () => {
    db = await createTestDatabase();
    storage = openLedgerStorage(db.url);
    dir = mkdtempSync(join(tmpdir(), 'knooppunt-guard-'));
  });
  after(async () => {
    await storage.close();
    await db.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('passes a log that only grew, and signs each growth', async () => {
    const g = await gateway(5);
    await g.append(4);
    assert.equal(await g.guard.check(), undefined);
    assert.equal((await g.guard.sign())?.size, 9);
    assert.equal((await g.guard.latest())?.size, 9);
  });

  it('refuses appends, signing and serving checkpoints once the tail was cut and its checkpoint deleted', async () => {
    const g = await gateway(8);
    const tamper = ledgerTamper(db);
    await tamper.cutFrom(g.logId, 5);
    await tamper.deleteCheckpointsAbove(g.logId, 0);
    assert.match((await g.guard.check()) ?? '', /signed checkpoint 8 is gone/);
    await assert.rejects(g.guarded.append({ x: 1 }, new Date()), { code: 'unavailable' });
    await assert.rejects(g.guard.sign(), { code: 'unavailable' });
    await assert.rejects(g.guard.latest(), { code: 'unavailable' });
    assert.equal(await g.signing.checkpoints.latest(), undefined, 'nothing was signed over the cut');
    const logged = g.lines().map((l) => JSON.parse(l) as { level: string; msg: string });
    assert.ok(logged.some((l) => l.level === 'error' && /integrity check failed/.test(l.msg)));
  });

  it('never serves a checkpoint larger than the log', async () => {
    const g = await gateway(6);
    await ledgerTamper(db).cutFrom(g.logId, 4);
    await assert.rejects(g.guard.latest(), { code: 'unavailable' });
    assert.match((await g.guard.check()) ?? '', /has 4 entries, fewer than the 6/);
  });

  it('after a restart, detects a rewrite re-signed over deleted checkpoints by the checkpoint kept outside the database', async () => {
    const g = await gateway(6);
    const tamper = ledgerTamper(db);
    await tamper.cutFrom(g.logId, 3);
    await tamper.deleteCheckpointsAbove(g.logId, 0);
    await Promise.all(Array.from({ length: 3 }, (_, i) => g.ledger.append({ i, tag: 'vervalst' }, new Date())));
    await g.signing.checkpoints.create(); // re-signed at 6 with the log's own key
    const restarted = g.start();
    assert.match((await restarted.check()) ?? '', /does not extend the one of 6/);
  });

  it('detects an entry appended with a body that does not match its leaf hash, or a changed tijd column, since the last check', async () => {
    const g = await gateway(4);
    await g.append(2);
    await db.store.db.$executeRawUnsafe(
      `UPDATE "LedgerEntry" SET "body" = replace("body", 'echt', 'anders') WHERE "logId" = '${g.logId}' AND "idx" = 5`,
    );
    assert.match((await g.guard.check()) ?? '', /entry 5: its body does not match its leaf hash/);
    const h = await gateway(4);
    await h.append(2);
    await ledgerTamper(db).setTijdColumn(h.logId, 4, '2001-01-01T00:00:00.000Z');
    assert.match((await h.guard.check()) ?? '', /entry 4: its tijd column differs/);
  });
});
