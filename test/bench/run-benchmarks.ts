import { benchAuth } from './auth.bench.js';
import { benchCaseOverview } from './case-overview.bench.js';
import { benchCovenant } from './covenant.bench.js';
import { benchHealth } from './health.bench.js';
import { benchIngest } from './ingest.bench.js';
import { benchLedger } from './ledger.bench.js';
import { benchPull } from './pull.bench.js';
import { benchScale } from './scale.bench.js';
import { benchWeb } from './web.bench.js';
import { spawnBenchServers, type BenchServers } from './support/spawn-servers.js';

/**
 * `npm run bench`: every benchmark prints one JSON object per line (name, figures, baseline measured in
 * the same run, ratio). Targets are loopback only and bounded in count. `BENCH_ONLY=name` runs one.
 */
const only = process.env.BENCH_ONLY;
const wants = (name: string) => !only || only === name;

// In-process benchmarks first, while no server competes for the two cores.
if (wants('covenant-decisions')) await benchCovenant();
if (wants('ledger')) await benchLedger();

const httpBenches: [string, (s: BenchServers) => Promise<void>][] = [
  ['health-https', benchHealth],
  ['auth-cost', benchAuth],
  ['ingest-https', benchIngest],
  ['pull-https', benchPull],
  ['case-overview', benchCaseOverview],
  ['web-page', benchWeb],
];
if (httpBenches.some(([name]) => wants(name))) {
  const servers = await spawnBenchServers();
  try {
    for (const [name, run] of httpBenches) if (wants(name)) await run(servers);
  } finally {
    await servers.stop();
  }
}

// Last: it starts its own gateways (1, 2 and 4 processes) on PostgreSQL; skipped on SQLite.
if (wants('scale-pg')) await benchScale();
