import assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import { beforeEach, afterEach, describe, it } from 'node:test';
import { checkpoints } from '../../../../adapters/ledger/checkpoints.js';
import { createLedger, type Ledger } from '../../../../adapters/ledger/ledger.js';
import { leafHash } from '../../../../adapters/ledger/merkle.js';
import { openLedgerStorage } from '../../../../adapters/ledger/open-ledger-storage.js';
import { noteSigner, noteVerifier } from '../../../../adapters/ledger/signed-note.js';
import { verifyLedger, type VerifyOptions } from '../../../../adapters/ledger/verify-ledger.js';
import { createTestDatabase, type TestDatabase } from '../../../support/test-store.js';

let db: TestDatabase;
let ledger: Ledger;
const key = generateKeyPairSync('ed25519').privateKey;
const signer = noteSigner('test-log', key);
const verify = (options: VerifyOptions = {}) =>
  verifyLedger(db.url, db.store, 'test-log', noteVerifier(signer.verifierKey()), () => {}, options);
const sql = (query: string) =>
  db.store.db.$executeRawUnsafe(
    db.store.provider === 'sqlite' ? query.replace(/\$(\d)/g, '?') : query,
    ...([] as unknown[]),
  );

describe('verifyLedger', () => {
  beforeEach(async () => {
    db = await createTestDatabase();
    ledger = createLedger(openLedgerStorage(db.url), 'test-log');
    await Promise.all(Array.from({ length: 37 }, (_, i) => ledger.append({ i, soort: 'verstrekking' }, new Date())));
    await checkpoints(db.store, ledger, signer, key).create();
  });
  afterEach(async () => {
    await ledger.close();
    await db.drop();
  });

  it('passes an untouched log', async () => {
    const r = await verify();
    assert.deepEqual(r, { size: 37, checkpoints: 1, problems: [] });
  });

  it('names the pair when an entry and its leaf hash were both rewritten', async () => {
    const forged = '{"i":999,"soort":"verstrekking"}';
    const hex = leafHash(Buffer.from(forged)).toString('hex');
    await sql(
      db.store.provider === 'sqlite'
        ? `UPDATE "LedgerEntry" SET "body" = '${forged}', "leafHash" = X'${hex}' WHERE "idx" = 10`
        : `UPDATE "LedgerEntry" SET "body" = '${forged}', "leafHash" = decode('${hex}', 'hex') WHERE "idx" = 10`,
    );
    const r = await verify();
    assert.ok(
      r.problems.some((p) => p.startsWith('entries 10–11')),
      r.problems.join('\n'),
    );
    assert.ok(
      r.problems.some((p) => /checkpoint 37: signed root does not match/.test(p)),
      `a problem names checkpoint 37, got ${r.problems.join(' | ')}`,
    );
  });

  it('reports a removed entry', async () => {
    await sql('DELETE FROM "LedgerEntry" WHERE "idx" = 36');
    const r = await verify();
    assert.ok(
      r.problems.some((p) => /checkpoint 37: larger than the log \(36\)/.test(p)),
      r.problems.join('\n'),
    );
  });

  it('refuses a checkpoint signed by another key', async () => {
    const other = noteSigner('test-log', generateKeyPairSync('ed25519').privateKey);
    const note = other.sign('test-log\n37\nAAAA\n');
    await db.store.db.ledgerCheckpoint.updateMany({ where: { logId: 'test-log' }, data: { signedNote: note } });
    const r = await verify();
    assert.ok(
      r.problems.some((p) => /checkpoint 37: no valid signature by test-log/.test(p)),
      r.problems.join('\n'),
    );
  });

  describe('in chunks of 4 entries, on worker threads', () => {
    const chunked = { chunkLog2: 2, threads: 2 };

    it('passes an untouched log, with the same report as in one chunk on this thread', async () => {
      assert.deepEqual(await verify(chunked), await verify({ threads: 0 }));
      assert.deepEqual((await verify(chunked)).problems, []);
    });

    it('names an entry whose body was altered in a later chunk', async () => {
      await sql(`UPDATE "LedgerEntry" SET "body" = '{"i":22,"soort":"weigering"}' WHERE "idx" = 22`);
      const r = await verify(chunked);
      assert.ok(
        r.problems.includes('entry 22: its body does not match its leaf hash (altered after it was logged)'),
        r.problems.join('\n'),
      );
    });

    it('names entries removed at a chunk boundary and inside a chunk', async () => {
      await sql('DELETE FROM "LedgerEntry" WHERE "idx" IN (19, 25)');
      const r = await verify(chunked);
      assert.deepEqual(
        r.problems.filter((p) => p.includes('missing')),
        ['entry 19: missing (no stored entry up to 19)', 'entry 25: missing (next stored index is 26)'],
      );
    });
  });
});
