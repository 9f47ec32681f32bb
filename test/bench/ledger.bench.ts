import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import Database from 'better-sqlite3';
import { checkpoints } from '../../adapters/ledger/checkpoints.js';
import { createLedger } from '../../adapters/ledger/ledger.js';
import { leafHash } from '../../adapters/ledger/merkle.js';
import { loadLogSigningKey, noteSigner, noteVerifier } from '../../adapters/ledger/signed-note.js';
import { sqliteLedgerStorage } from '../../adapters/ledger/sqlite-ledger-storage.js';
import { verifyLedger } from '../../adapters/ledger/verify-ledger.js';
import { openStore } from '../../adapters/store/open-store.js';
import { median, percentile, report } from './support/load.js';

const entry = (i: number) => ({
  v: 1,
  id: `01890000-0000-7000-8000-${String(i).padStart(12, '0')}`,
  tijd: '2026-11-22T10:00:00.000Z',
  soort: 'verstrekking',
  ontvanger: { partner: 'gemeente-demo', actor: { id: 'm-1', rol: 'medewerker' } },
  bronnen: ['politie-demo'],
  doel: 'casusoverleg',
  grondslagen: ['wpg-art-20'],
  categorieen: ['politiegegevens'],
  subjectRefs: [createHash('sha256').update(String(i)).digest('base64url')],
  convenant: 'zvh-demo@2026.1',
  traceId: 'a'.repeat(32),
  payloadDigest: 'b'.repeat(64),
});

/**
 * The disclosure log on SQLite (synchronous=FULL): batched appends per second against bare
 * better-sqlite3 inserts of the same rows in batches of the same size; then, at 1,000,000 entries,
 * inclusion proofs against a bare indexed read, and full offline verification against bare hashing.
 */
export async function benchLedger(total = Number(process.env.BENCH_LEDGER_SIZE ?? 1_000_000)): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'knooppunt-ledger-bench-'));
  const url = `file:${join(dir, 'ledger.db')}`;
  const store = await openStore(url);
  const storage = sqliteLedgerStorage(join(dir, 'ledger.db'));
  const ledger = createLedger(storage, 'bench', { maxBatch: 1024 });
  try {
    // Appends: waves of concurrent callers, as many request handlers would be.
    const wave = 4096;
    const appendRates: number[] = [];
    let written = 0;
    const t0 = Date.now();
    while (written < total) {
      const n = Math.min(wave * 8, total - written);
      const started = process.hrtime.bigint();
      for (let w = 0; w < n; w += wave) {
        await Promise.all(
          Array.from({ length: Math.min(wave, n - w) }, (_, i) => ledger.append(entry(written + w + i), new Date())),
        );
      }
      appendRates.push(n / (Number(process.hrtime.bigint() - started) / 1e9));
      written += n;
    }
    const fillSeconds = (Date.now() - t0) / 1000;

    // Baseline: the same rows straight into the same table through better-sqlite3, batches of 1024.
    const bare = new Database(join(dir, 'bare.db'));
    bare.pragma('journal_mode = WAL');
    bare.pragma('synchronous = FULL');
    bare.exec(
      'CREATE TABLE e (logId TEXT, idx INTEGER, leafHash BLOB, body TEXT, tijd TEXT, PRIMARY KEY (logId, idx))',
    );
    const insert = bare.prepare('INSERT INTO e VALUES (?, ?, ?, ?, ?)');
    const batch = bare.transaction((from: number, to: number) => {
      for (let i = from; i < to; i++) {
        const body = JSON.stringify(entry(i));
        insert.run('bench', i, leafHash(Buffer.from(body)), body, '2026-11-22T10:00:00.000Z');
      }
    });
    const bareN = Math.min(total, 200_000);
    const bareStart = process.hrtime.bigint();
    for (let i = 0; i < bareN; i += 1024) batch(i, Math.min(bareN, i + 1024));
    const bareRate = bareN / (Number(process.hrtime.bigint() - bareStart) / 1e9);
    bare.close();
    report({
      name: 'ledger-appends-sqlite',
      figures: {
        entries: total,
        medianAppendsPerSecond: Math.round(median(appendRates)),
        fillSeconds,
        maxBatch: 1024,
        target: 20_000,
      },
      baseline: {
        name: 'bare better-sqlite3 INSERT of the same rows, batches of 1024, synchronous=FULL',
        appendsPerSecond: Math.round(bareRate),
      },
      ratio: median(appendRates) / bareRate,
    });

    // Inclusion proofs at full size, random indices; baseline: one indexed SELECT of an entry.
    const size = await ledger.size();
    let seed = 7;
    const rnd = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % size;
    const proofNs: number[] = [];
    const readNs: number[] = [];
    for (let i = 0; i < 2000; i++) {
      let t = process.hrtime.bigint();
      await ledger.inclusionProof(rnd(), size);
      proofNs.push(Number(process.hrtime.bigint() - t));
      const i2 = rnd();
      t = process.hrtime.bigint();
      await ledger.entries(i2, i2 + 1);
      readNs.push(Number(process.hrtime.bigint() - t));
    }
    proofNs.sort((a, b) => a - b);
    report({
      name: 'ledger-inclusion-proof',
      figures: {
        entries: size,
        medianMs: percentile(proofNs, 50) / 1e6,
        p99Ms: percentile(proofNs, 99) / 1e6,
        proofs: proofNs.length,
        target: '< 2 ms',
      },
      baseline: { name: 'one indexed SELECT of an entry', medianMs: median(readNs) / 1e6 },
      ratio: median(readNs) / percentile(proofNs, 50),
    });

    // Offline verification of everything, with a signed checkpoint at full size.
    const key = loadLogSigningKey(join(dir, 'log.pem'));
    const signer = noteSigner('bench', key);
    await checkpoints(store, ledger, signer, key).create();
    const vStart = Date.now();
    const result = await verifyLedger(url, store, 'bench', noteVerifier(signer.verifierKey()));
    const verifySeconds = (Date.now() - vStart) / 1000;
    if (result.problems.length > 0) throw new Error(`verification failed: ${result.problems.slice(0, 3).join('; ')}`);
    const hStart = Date.now();
    for (let from = 0; from < size; from += 10_000)
      for (const e of await ledger.entries(from, Math.min(size, from + 10_000))) leafHash(Buffer.from(e.body));
    const hashSeconds = (Date.now() - hStart) / 1000;
    report({
      name: 'ledger-verify',
      figures: { entries: size, seconds: verifySeconds, checkpoints: result.checkpoints, target: '< 10 s' },
      baseline: { name: 'reading every entry and hashing its body, nothing else', seconds: hashSeconds },
      ratio: hashSeconds / verifySeconds,
    });
  } finally {
    await ledger.close();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
