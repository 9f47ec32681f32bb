import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { Agent } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { leafHash } from '../../adapters/ledger/merkle.js';
import { runCli } from '../../gateway/cli/knooppunt.js';
import { httpsCall } from '../support/https-call.js';
import { exitOf } from '../support/exit-of.js';
import { createTestDatabase, type TestDatabase } from '../support/test-store.js';
import { receiptOf } from '../support/receipt.js';

const dataDir = mkdtempSync(join(tmpdir(), 'knooppunt-crash-'));
let db: TestDatabase;
after(async () => {
  await db?.drop();
  rmSync(dataDir, { recursive: true, force: true });
});

async function startServer(): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'gateway/server.ts'], {
    env: {
      ...process.env,
      PORT: '0',
      KNOOPPUNT_DATA_DIR: dataDir,
      DATABASE_URL: db.url,
      LOG_LEVEL: 'error',
      KNOOPPUNT_RATE_LIMIT_PER_MINUTE: '1000000',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start: ${out}`)), 45_000);
    child.stdout!.on('data', (c: Buffer) => {
      out += c.toString();
      const m = /luistert op (https:\/\/\S+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    });
  });
  return { child, url };
}

describe('crash safety of the disclosure log', () => {
  it(
    'keeps every acknowledged disclosure, with contiguous indices, through a SIGKILL under load',
    { timeout: 120_000 },
    async () => {
      db = await createTestDatabase();
      await db.store.close();
      let server = await startServer();
      const tls = () => ({
        ca: readFileSync(join(dataDir, 'pki', 'ca.pem')),
        cert: readFileSync(join(dataDir, 'pki', 'partners', 'politie-demo.pem')),
        key: readFileSync(join(dataDir, 'pki', 'partners', 'politie-demo.key.pem')),
      });
      const created = await httpsCall(`${server.url}/aanmeldingen`, {
        ...tls(),
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          soort: 'persoon',
          gemeente: 'Demostad',
          reden: 'crash',
          leefgebieden: ['huisvesting-en-wonen'],
          betrokkenen: [{ ref: 'p', achternaam: 'Crash', geboortedatum: '1980-01-01' }],
        }),
      });
      assert.equal(created.status, 201, created.body);
      const casus = created.json<{ casus: string }>().casus;

      const receipts: { index: number; leafHash: string }[] = [];
      const agent = new Agent({ keepAlive: true, maxSockets: 8, ...tls() });
      let stop = false;
      const worker = async () => {
        while (!stop) {
          try {
            const res = await httpsCall(`${server.url}/casussen/${casus}?doel=triage`, { ...tls(), agent });
            if (res.status === 200) receipts.push(receiptOf(res));
          } catch {
            return; // the server is gone
          }
        }
      };
      const workers = Array.from({ length: 8 }, worker);
      // Kill once the load is real (enough pulls acknowledged), however slow this machine is today.
      for (const deadline = Date.now() + 60_000; receipts.length <= 20 && Date.now() < deadline;)
        await new Promise((r) => setTimeout(r, 100));
      server.child.kill('SIGKILL');
      stop = true;
      await Promise.all(workers);
      agent.destroy();
      assert.ok(receipts.length > 20, `only ${receipts.length} pulls answered before the kill`);

      server = await startServer();
      try {
        const { createLedger } = await import('../../adapters/ledger/ledger.js');
        const { openLedgerStorage } = await import('../../adapters/ledger/open-ledger-storage.js');
        const { DISCLOSURE_LOG } = await import('../../gateway/disclosure/log-id.js');
        const ledger = createLedger(openLedgerStorage(db.url), DISCLOSURE_LOG);
        const size = await ledger.size();
        const entries = await ledger.entries(0, size);
        await ledger.close();
        assert.deepEqual(
          entries.map((e) => e.index),
          Array.from({ length: size }, (_, i) => i),
          'indices have no gaps',
        );
        for (const r of receipts) {
          assert.ok(r.index < size, `receipt ${r.index} lost`);
          assert.equal(
            entries[r.index]!.leafHash.toString('hex'),
            r.leafHash,
            `entry ${r.index} differs from its receipt`,
          );
          assert.ok(
            entries[r.index]!.leafHash.equals(leafHash(Buffer.from(entries[r.index]!.body))),
            `entry ${r.index}: stored leaf hash matches its body`,
          );
        }
        const vkey = (await httpsCall(`${server.url}/verstrekkingslog/publieke-sleutel`, { ca: tls().ca })).json<{
          verifierKey: string;
        }>().verifierKey;
        await httpsCall(`${server.url}/verstrekkingslog/checkpoint`, tls());
        const out: string[] = [];
        const code = await runCli(['ledger', 'verify', '--key', vkey], {
          out: (l) => out.push(l),
          err: () => {},
          env: { DATABASE_URL: db.url, KNOOPPUNT_DATA_DIR: dataDir },
        });
        assert.equal(code, 0, out.join('\n'));
      } finally {
        server.child.kill('SIGTERM');
        await exitOf(server.child);
      }
    },
  );
});
