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
import { testProvider } from '../support/test-store.js';
import {
  startThrowawayPostgres,
  whyNoThrowawayPostgres,
  type ThrowawayCluster,
} from '../support/throwaway-postgres.js';

const skip =
  (testProvider() !== 'postgresql' &&
    'a PostgreSQL restart (SQLite is a file inside the process); run with DATABASE_URL') ||
  whyNoThrowawayPostgres();
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('PostgreSQL stopped and started under load (a throwaway server, not the shared one)', { skip }, () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'knooppunt-restart-'));
  let pg: ThrowawayCluster | undefined;
  let gateway: GatewayProcess | undefined;
  after(async () => {
    await gateway?.stop();
    await pg?.destroyAll();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it(
    'answers only 2xx or 503 with Retry-After, loses no acknowledged write, keeps its log verifiable and serves again in the same processes',
    { timeout: 240_000 },
    async () => {
      pg = await startThrowawayPostgres();
      gateway = await startGatewayProcess({
        KNOOPPUNT_DATA_DIR: dataDir,
        DATABASE_URL: pg.url(),
        KNOOPPUNT_WORKERS: '2',
        KNOOPPUNT_RATE_LIMIT_PER_MINUTE: '1000000',
        // Every request reads its partner from the database: the outage cannot hide behind a cache.
        KNOOPPUNT_IDENTITY_CACHE_SECONDS: '0',
      });
      const g = gateway;
      const tls = partnerTls(dataDir, 'politie-demo');
      assert.ok(await eventually(60_000, async () => (await listeners(pg!.url())).length === 2), 'both workers are up');
      const workers = await listeners(pg.url());
      const casus = await pullableCasus(g.url, tls);
      const load = startOutageLoad(g.url, tls, casus, 4);
      const during: { mode: string; status: number; retryAfter: number }[] = [];

      for (const mode of ['fast', 'immediate'] as const) {
        await sleep(1500);
        await pg.stop(mode);
        await sleep(500);
        const refused = await outageCalls(g.url, tls).refer(`weg-${mode}`);
        during.push({ mode, status: refused.status, retryAfter: Number(refused.headers['retry-after']) });
        await sleep(2000);
        await pg.startAgain();
        const back = await untilWritesAgain(g.url, tls);
        assert.equal(back?.status, 201, `writes again after the ${mode} stop: ${back?.status} ${back?.body}`);
        load.tally.acknowledged.push(back!.json<{ casus: string }>().casus);
      }
      const backAt = new Date();
      await sleep(1500);
      const tally = await load.stop();

      for (const d of during) {
        assert.equal(d.status, 503, `a referral while the server is down (${d.mode} stop) is refused with 503`);
        assert.ok(d.retryAfter >= 1, `with Retry-After (${d.mode} stop)`);
      }
      const unexpected = unexpectedAnswers(tally);
      assert.deepEqual(
        unexpected,
        [],
        `every answer under load is a 2xx or a 503 with Retry-After; logged: ${loggedAbout(g.output(), unexpected)}`,
      );
      assert.ok(tally.acknowledged.length > 0 && tally.pulls > 0, 'the load wrote and pulled');
      assert.equal(g.child.exitCode, null, 'the gateway never exited');
      assert.doesNotMatch(g.output(), /worker died/, 'no worker was replaced');
      assert.ok(
        await eventually(30_000, async () => (await listeners(pg!.url())).join() === workers.join()),
        `the same two workers listen again (${workers.join()})`,
      );
      for (let i = 0; i < 4; i++) {
        const res = await outageCalls(g.url, tls).pull(casus);
        assert.equal(res.status, 200, `pull ${i} after the restarts, round-robin over both workers: ${res.body}`);
      }

      const state = await afterTheOutage(pg.url(), dataDir, tally.acknowledged);
      assert.deepEqual(state.lost, [], `every acknowledged referral (${tally.acknowledged.length}) is in the database`);
      assert.deepEqual(
        state.ledger.problems,
        [],
        'the disclosure log verifies: contiguous, tree and checkpoints intact',
      );
      assert.equal(state.indices.count, state.indices.next, 'its indices are 0…n-1 without a gap');
      assert.ok(
        state.ledger.size >= tally.pulls,
        `each acknowledged pull has its entry (${tally.pulls} ≤ ${state.ledger.size})`,
      );
      // pg-boss reconnects as well: the webhook delivery (every 15 s) completes again after the restarts.
      const jobsRunAgain = await eventually(60_000, async () => {
        const [row] = await pg!.query<{ n: string }>(
          `SELECT count(*) AS n FROM pgboss.job
            WHERE name = 'webhooks-afleveren' AND state = 'completed' AND created_on > $1`,
          [backAt],
        );
        return Number(row?.n) > 0;
      });
      assert.ok(jobsRunAgain, 'a recurring job created after the restarts has completed');
      const signed = await untilCheckpointed(pg.url(), state.ledger.size);
      assert.ok(
        signed >= state.ledger.size,
        `the checkpointer signs the whole log again (${signed} of ${state.ledger.size})`,
      );
    },
  );
});
