import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { contractPath } from '../../openapi/contract-url.js';
import { loadContract } from '../../openapi/load-contract.js';
import { httpsCall, type HttpsAnswer } from '../support/https-call.js';
import { partnerTls, startGatewayProcess, type GatewayProcess } from '../support/gateway-process.js';
import { tcpProxy, type TcpProxy } from '../support/tcp-proxy.js';
import { createTestDatabase, testProvider, type TestDatabase } from '../support/test-store.js';

const skip = testProvider() !== 'postgresql' && 'the outage is one of PostgreSQL (SQLite is a file in the process)';
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const contract = loadContract();
const at = (operationId: string) => contractPath(contract, operationId);

describe('the database going away under load and coming back', { skip }, () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'knooppunt-outage-'));
  let db: TestDatabase | undefined;
  let proxy: TcpProxy | undefined;
  let gateway: GatewayProcess | undefined;
  after(async () => {
    await gateway?.stop();
    await proxy?.close();
    await db?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it(
    'answers 503 with Retry-After meanwhile, never 500, loses no acknowledged write and recovers without restart',
    { timeout: 180_000 },
    async () => {
      db = await createTestDatabase();
      const direct = new URL(db.url);
      proxy = await tcpProxy(direct.hostname, Number(direct.port || 5432));
      const viaProxy = new URL(db.url);
      viaProxy.port = String(proxy.port);
      gateway = await startGatewayProcess({
        KNOOPPUNT_DATA_DIR: dataDir,
        DATABASE_URL: viaProxy.toString(),
        KNOOPPUNT_RATE_LIMIT_PER_MINUTE: '1000000',
        // Every request reads its partner from the database: the outage cannot hide behind a cache.
        KNOOPPUNT_IDENTITY_CACHE_SECONDS: '0',
      });
      const g = gateway;
      const tls = partnerTls(dataDir, 'politie-demo');
      const refer = (marker: string) =>
        httpsCall(`${g.url}${at('createAanmelding')}`, {
          ...tls,
          method: 'POST',
          headers: { 'content-type': 'application/json', accept: 'application/json' },
          body: JSON.stringify({
            soort: 'persoon',
            gemeente: 'Demostad',
            reden: `storing ${marker}`,
            leefgebieden: ['huisvesting-en-wonen'],
            betrokkenen: [{ ref: 'p', achternaam: `Storing${marker}`, geboortedatum: '1980-01-01' }],
          }),
        });
      const whoAmI = () =>
        httpsCall(`${g.url}${at('getEigenPartner')}`, { ...tls, headers: { accept: 'application/json' } });

      const answers: HttpsAnswer[] = [];
      const acknowledged: string[] = [];
      let stop = false;
      const load = async (worker: number) => {
        for (let i = 0; !stop; i++) {
          const res = i % 2 ? await whoAmI() : await refer(`${worker}-${i}`);
          answers.push(res);
          if (res.status === 201) acknowledged.push(res.json<{ casus: string }>().casus);
          if (res.status === 503) await sleep(100);
        }
      };
      const running = [0, 1, 2, 3].map(load);
      await sleep(1500);
      await proxy.cut();
      await sleep(500);
      const during = { refer: await refer('weg'), whoAmI: await whoAmI() };
      await sleep(2500);
      await proxy.restore();
      let recovered: HttpsAnswer | undefined;
      for (let waited = 0; waited < 60_000 && recovered?.status !== 201; waited += 250) {
        recovered = await refer('terug');
        if (recovered.status !== 201) await sleep(250);
      }
      await sleep(1000);
      stop = true;
      await Promise.all(running);

      for (const res of Object.values(during)) {
        assert.equal(res.status, 503, `while the database is away: ${res.body}`);
        assert.ok(Number(res.headers['retry-after']) >= 1, 'with Retry-After');
      }
      const unexpected = answers.filter((r) => ![200, 201, 503].includes(r.status)).map((r) => `${r.status} ${r.body}`);
      const logged = (answer: string) =>
        g
          .output()
          .split('\n')
          .filter((l) => /"logId"/.test(answer) && l.includes(JSON.parse(answer.slice(4)).logId ?? '-'));
      assert.deepEqual(
        unexpected,
        [],
        `every answer under load is a success or a 503; logged: ${unexpected.flatMap(logged).join('\n')}`,
      );
      assert.ok(
        answers.filter((r) => r.status === 503).every((r) => Number(r.headers['retry-after']) >= 1),
        'every 503 carries Retry-After',
      );
      assert.equal(
        recovered?.status,
        201,
        `the same process writes again once the database is back: ${recovered?.body}`,
      );
      assert.equal(g.child.exitCode, null, 'the gateway never exited');
      acknowledged.push(recovered.json<{ casus: string }>().casus);
      const stored = await db.store.db.$queryRawUnsafe<{ id: string }[]>(
        'SELECT id FROM "Casus" WHERE id = ANY($1::text[])',
        acknowledged,
      );
      assert.equal(stored.length, acknowledged.length, 'every acknowledged referral is in the database');
    },
  );
});
