import { benchAuth } from './auth.bench.js';
import { benchHealth } from './health.bench.js';
import { spawnBenchServers } from './support/spawn-servers.js';

/**
 * `npm run bench`: every benchmark prints one JSON object per line (name, figures, baseline measured in
 * the same run, ratio). Targets are loopback only and bounded in count. `BENCH_ONLY=name` runs one.
 */
const only = process.env.BENCH_ONLY;
const servers = await spawnBenchServers();
try {
  const benches: [string, () => Promise<void>][] = [
    ['health-https', () => benchHealth(servers)],
    ['auth-cost', () => benchAuth(servers)],
  ];
  for (const [name, run] of benches) if (!only || only === name) await run();
} finally {
  await servers.stop();
}
