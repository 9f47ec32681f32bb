import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { partnerTls, startGatewayProcess, type GatewayProcess } from '../support/gateway-process.js';
import {
  afterTheOutage,
  eventually,
  listeners,
  loggedAbout,
  unexpectedAnswers,
  untilCheckpointed,
} from '../support/outage-checks.js';
import { outageCalls, pullableCasus, startOutageLoad, untilWritesAgain } from '../support/outage-load.js';
import { tcpProxy, type TcpProxy } from '../support/tcp-proxy.js';
import { testProvider } from '../support/test-store.js';
import {
  startThrowawayPostgres,
  whyNoThrowawayPostgres,
  type ThrowawayCluster,
} from '../support/throwaway-postgres.js';

const skip =
  (testProvider() !== 'postgresql' && 'a PostgreSQL failover (SQLite has no standby); run with DATABASE_URL') ||
  whyNoThrowawayPostgres();
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('the primary crashing under load and its streaming standby promoted', { skip }, () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'knooppunt-failover-'));
  let pg: ThrowawayCluster | undefined;
  let proxy: TcpProxy | undefined;
  let gateway: GatewayProcess | undefined;
  after(async () => {
    await gateway?.stop();
    await proxy?.close();
    await pg?.destroyAll();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it(
    'loses no acknowledged write, keeps the log verifiable and signing, and serves again in the same processes',
    { timeout: 240_000 },
    async () => {
      pg = await startThrowawayPostgres();
      // The promoted standby has no standby of its own: waiting for one would block every commit.
      const standby = await pg.standby({ synchronous_standby_names: "''" });
      // Synchronous replication: a commit is acknowledged only once the standby has it. With the default
      // asynchronous replication a failover loses the last acknowledged writes (and the signed
      // checkpoint the gateway pinned outside the database would then be "gone": a history cut).
      await pg.configure({ synchronous_standby_names: "'*'", synchronous_commit: 'on' });
      // The proxy stands for the virtual IP (or HAProxy) in front of whichever server is primary.
      proxy = await tcpProxy('127.0.0.1', pg.port);
      const viaProxy = `postgresql://postgres@127.0.0.1:${proxy.port}/knooppunt`;
      gateway = await startGatewayProcess({
        KNOOPPUNT_DATA_DIR: dataDir,
        DATABASE_URL: viaProxy,
        KNOOPPUNT_WORKERS: '2',
        KNOOPPUNT_RATE_LIMIT_PER_MINUTE: '1000000',
        KNOOPPUNT_IDENTITY_CACHE_SECONDS: '0',
      });
      const g = gateway;
      const tls = partnerTls(dataDir, 'politie-demo');
      assert.ok(await eventually(60_000, async () => (await listeners(pg!.url())).length === 2), 'both workers are up');
      const workers = await listeners(pg.url());
      const casus = await pullableCasus(g.url, tls);
      const load = startOutageLoad(g.url, tls, casus, 4);

      await sleep(6000); // long enough for a checkpoint (every 5 s) before the crash
      await pg.stop('immediate');
      const refused = await outageCalls(g.url, tls).refer('weg');
      await standby.promote();
      proxy.retarget('127.0.0.1', standby.port);
      const back = await untilWritesAgain(g.url, tls);
      assert.equal(back?.status, 201, `writes again on the promoted standby: ${back?.status} ${back?.body}`);
      load.tally.acknowledged.push(back!.json<{ casus: string }>().casus);
      await sleep(1500);
      const seen = await load.stop();

      assert.equal(refused.status, 503, `a referral while no server is primary is refused with 503: ${refused.body}`);
      assert.ok(Number(refused.headers['retry-after']) >= 1, 'with Retry-After');
      const unexpected = unexpectedAnswers(seen);
      assert.deepEqual(
        unexpected,
        [],
        `every answer under load is a 2xx or a 503 with Retry-After; logged: ${loggedAbout(g.output(), unexpected)}`,
      );
      assert.ok(seen.acknowledged.length > 0 && seen.pulls > 0, 'the load wrote and pulled');
      assert.equal(g.child.exitCode, null, 'the gateway never exited');
      assert.doesNotMatch(g.output(), /worker died/, 'no worker was replaced');
      assert.ok(
        await eventually(30_000, async () => (await listeners(standby.url())).join() === workers.join()),
        `the same two workers listen on the promoted server (${workers.join()})`,
      );
      for (let i = 0; i < 4; i++) {
        const res = await outageCalls(g.url, tls).pull(casus);
        assert.equal(res.status, 200, `pull ${i} after the failover, round-robin over both workers: ${res.body}`);
      }

      const state = await afterTheOutage(standby.url(), dataDir, seen.acknowledged);
      assert.deepEqual(
        state.lost,
        [],
        `every acknowledged referral (${seen.acknowledged.length}) is on the promoted server`,
      );
      assert.deepEqual(
        state.ledger.problems,
        [],
        'the disclosure log verifies: contiguous, tree and checkpoints intact',
      );
      assert.equal(state.indices.count, state.indices.next, 'its indices are 0…n-1 without a gap');
      assert.ok(
        state.ledger.size >= seen.pulls + 4,
        `each acknowledged pull has its entry (${seen.pulls} + 4 ≤ ${state.ledger.size})`,
      );
      const signed = await untilCheckpointed(standby.url(), state.ledger.size);
      assert.ok(
        signed >= state.ledger.size,
        `the checkpointer signs on the promoted server (${signed} of ${state.ledger.size})`,
      );
    },
  );
});
