import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { partnerTls, startGatewayProcess } from '../support/gateway-process.js';
import { createTestDatabase, testProvider } from '../support/test-store.js';
import { cpuTicks } from './support/cpu-ticks.js';
import { seedCasus } from './support/seed-casus.js';
import { median, runLoad } from './support/load.js';

const ITEMS = 20;

/** A casus with ten items to pull, and the body of an ingest of twenty. */
async function seed(url: string, tls: ReturnType<typeof partnerTls>) {
  const { casus, items, post } = await seedCasus(url, tls, 'schaal');
  const added = await post(`/casussen/${casus}/informatie`, { doel: 'triage', items: items(10) });
  if (added.status !== 201) throw new Error(`scale bench setup failed: ${added.status} ${added.body}`);
  // Ingest goes to a casus of its own: the pulled one must keep its ten items.
  const ingest = await seedCasus(url, tls, 'schaal-ingest');
  return {
    casus,
    ingestCasus: ingest.casus,
    ingestBody: JSON.stringify({ doel: 'triage', items: ingest.items(ITEMS) }),
  };
}

/**
 * `scale-pg`: pulls/s and ingested items/s with 1, 2 and 4 gateway processes (KNOOPPUNT_WORKERS) on
 * one PostgreSQL, with the share of CPU time spent in PostgreSQL vs the gateway processes (from
 * /proc). Short by default; BENCH_SCALE_LONG=1 for more requests and rounds. Needs DATABASE_URL on PostgreSQL.
 */
export async function benchScale(): Promise<void> {
  if (testProvider() !== 'postgresql') {
    process.stdout.write(
      `${JSON.stringify({ name: 'scale-pg', skipped: 'set DATABASE_URL=postgresql://… to run the scale series' })}\n`,
    );
    return;
  }
  const long = process.env.BENCH_SCALE_LONG === '1';
  const rounds = long ? 5 : 3;
  const pulls = long ? 2000 : 400;
  const ingests = long ? 400 : 80;
  for (const workers of [1, 2, 4]) {
    const db = await createTestDatabase();
    const dataDir = mkdtempSync(join(tmpdir(), 'knooppunt-scale-'));
    const g = await startGatewayProcess({
      KNOOPPUNT_DATA_DIR: dataDir,
      DATABASE_URL: db.url,
      KNOOPPUNT_WORKERS: String(workers),
      KNOOPPUNT_RATE_LIMIT_PER_MINUTE: '100000000',
    });
    try {
      const tls = partnerTls(dataDir, 'politie-demo');
      const { casus, ingestCasus, ingestBody } = await seed(g.url, tls);
      const concurrency = 8 * workers > 16 ? 16 : 8 * workers;
      const gatewayCpu = () => cpuTicks((p) => p.pid === g.pid || p.ppid === g.pid);
      const postgresCpu = () => cpuTicks((p) => p.comm === 'postgres');
      const measure = async (run: () => Promise<{ perSecond: number; non2xx: number }>) => {
        const [gw0, pg0] = [gatewayCpu(), postgresCpu()];
        const r = await run();
        if (r.non2xx > 0) throw new Error(`scale bench: ${r.non2xx} answers not 2xx`);
        const [gw, pg] = [gatewayCpu() - gw0, postgresCpu() - pg0];
        return { perSecond: r.perSecond, databaseShare: pg / Math.max(1, gw + pg) };
      };
      const pull = () =>
        measure(() =>
          runLoad({
            ...tls,
            url: `${g.url}/casussen/${casus}/informatie?doel=triage`,
            concurrency,
            requests: pulls,
            keepAlive: true,
          }),
        );
      const ingest = () =>
        measure(() =>
          runLoad({
            ...tls,
            url: `${g.url}/casussen/${ingestCasus}/informatie`,
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: () => ingestBody,
            concurrency: Math.min(concurrency, 8),
            requests: ingests,
            keepAlive: true,
          }),
        );
      await pull(); // warm-up: JIT, pools, TLS sessions
      const p: Awaited<ReturnType<typeof pull>>[] = [];
      const i: Awaited<ReturnType<typeof pull>>[] = [];
      for (let r = 0; r < rounds; r++) {
        p.push(await pull());
        i.push(await ingest());
      }
      process.stdout.write(
        `${JSON.stringify({
          name: 'scale-pg',
          figures: {
            processes: workers,
            medianPullsPerSecond: Math.round(median(p.map((x) => x.perSecond))),
            medianIngestItemsPerSecond: Math.round(median(i.map((x) => x.perSecond)) * ITEMS),
            pullDatabaseCpuShare: Math.round(median(p.map((x) => x.databaseShare)) * 100) / 100,
            ingestDatabaseCpuShare: Math.round(median(i.map((x) => x.databaseShare)) * 100) / 100,
            concurrency,
            rounds,
            note: 'shared 2-core machine: compare processes within one run, not across runs',
          },
        })}\n`,
      );
    } finally {
      await g.stop();
      await db.drop();
      rmSync(dataDir, { recursive: true, force: true });
    }
  }
}
