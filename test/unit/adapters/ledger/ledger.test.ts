import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { after, before, describe, it } from 'node:test';
import { createLedger, type Ledger } from '../../../../adapters/ledger/ledger.js';
import { leafHash, verifyConsistency, verifyInclusion } from '../../../../adapters/ledger/merkle.js';
import { openLedgerStorage } from '../../../../adapters/ledger/open-ledger-storage.js';
import { createTestDatabase, type TestDatabase } from '../../../support/test-store.js';

let db: TestDatabase;
let ledger: Ledger;
const t0 = new Date('2026-11-22T10:00:00Z');

describe('the ledger on the suite database', () => {
  before(async () => {
    db = await createTestDatabase();
    ledger = createLedger(openLedgerStorage(db.url), 'test-log');
  });
  after(async () => {
    await ledger.close();
    await db.drop();
  });

  it('numbers concurrent appends contiguously from 0 and answers each with its own index', async () => {
    const receipts = await Promise.all(
      Array.from({ length: 300 }, (_, i) => ledger.append({ n: i, soort: 'test' }, t0)),
    );
    assert.deepEqual(
      receipts.map((r) => r.index).sort((a, b) => a - b),
      Array.from({ length: 300 }, (_, i) => i),
    );
    const stored = await ledger.entries(0, 300);
    for (const r of receipts) assert.equal(stored[r.index]!.leafHash.toString('hex'), r.leafHash);
    assert.equal(await ledger.size(), 300);
  });

  it('stores each entry as canonical JSON (RFC 8785): sorted keys, no spaces, its time inside the hashed body', async () => {
    const r = await ledger.append({ z: 1, a: { y: 'é', b: [3, 1] } }, t0);
    const [entry] = await ledger.entries(r.index, r.index + 1);
    assert.equal(entry!.body, `{"a":{"b":[3,1],"y":"é"},"tijd":"${t0.toISOString()}","z":1}`);
    assert.ok(
      entry!.leafHash.equals(leafHash(Buffer.from(entry!.body))),
      'the stored leaf hash is the hash of the stored body',
    );
    assert.equal(entry!.tijd.toISOString(), t0.toISOString());
  });

  it("takes an entry's time from its body, and refuses an entry whose tijd is no time", async () => {
    const stated = '2026-01-02T03:04:05.006Z';
    const r = await ledger.append({ soort: 'test', tijd: stated }, t0);
    const [entry] = await ledger.entries(r.index, r.index + 1);
    assert.equal(entry!.tijd.toISOString(), stated);
    await assert.rejects(ledger.append({ tijd: 'gisteren' }, t0), /no valid tijd/);
    await assert.rejects(ledger.append({ tijd: 5 }, t0), /no valid tijd/);
  });

  it('serves inclusion proofs that verify against the root, for every index', async () => {
    const size = await ledger.size();
    const root = await ledger.root(size);
    const entries = await ledger.entries(0, size);
    for (const index of [0, 1, 2, 127, 128, 255, 299, size - 1]) {
      assert.ok(
        verifyInclusion(index, size, entries[index]!.leafHash, await ledger.inclusionProof(index, size), root),
        `index ${index}`,
      );
    }
  });

  it('serves consistency proofs between any two sizes', async () => {
    const size = await ledger.size();
    const newRoot = await ledger.root(size);
    for (const old of [1, 2, 3, 64, 100, 256, size]) {
      assert.ok(
        verifyConsistency(old, size, await ledger.root(old), newRoot, await ledger.consistencyProof(old, size)),
        `from ${old}`,
      );
    }
  });

  it('keeps indices contiguous when another process appends to the same log at the same time', async () => {
    const before = await ledger.size();
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        new URL('../../../support/ledger-appender.ts', import.meta.url).pathname,
        db.url,
        'test-log',
        '150',
      ],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    let out = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    const childDone = new Promise<number[]>((resolve, reject) =>
      child.on('exit', (code) =>
        code === 0 ? resolve(JSON.parse(out) as number[]) : reject(new Error(`appender exited ${code}`)),
      ),
    );
    const mine: number[] = [];
    for (let round = 0; round < 15; round++) {
      const batch = await Promise.all(Array.from({ length: 10 }, (_, i) => ledger.append({ round, i }, t0)));
      mine.push(...batch.map((r) => r.index));
      await new Promise((r) => setTimeout(r, 5));
    }
    const theirs = await childDone;
    assert.deepEqual(
      [...mine, ...theirs].sort((a, b) => a - b),
      Array.from({ length: 300 }, (_, i) => before + i),
    );
    const size = await ledger.size();
    const entries = await ledger.entries(0, size);
    const root = await ledger.root(size);
    for (const index of [before, size - 1])
      assert.ok(
        verifyInclusion(index, size, entries[index]!.leafHash, await ledger.inclusionProof(index, size), root),
        `entry ${index} is provably included at size ${size}`,
      );
  });
});
