import { alternateRounds, report, runLoad } from './support/load.js';
import type { BenchServers } from './support/spawn-servers.js';

/**
 * GET /api/v1/health over HTTPS through the whole gateway stack, against a bare Express handler on the
 * same TLS settings in the same process. Alternating rounds so drift on a noisy machine hits both.
 */
export async function benchHealth(servers: BenchServers, rounds = 5, requests = 2000): Promise<void> {
  const common = { ca: servers.ca, concurrency: 16, requests, keepAlive: true };
  const call = (base: string, n = requests) => runLoad({ ...common, url: `${base}/health`, requests: n });
  const r = await alternateRounds(
    'health',
    rounds,
    () => call(servers.gatewayUrl),
    () => call(servers.bareUrl),
    { subject: () => call(servers.gatewayUrl, 300), baseline: () => call(servers.bareUrl, 300) },
  );
  report({
    name: 'health-https',
    figures: {
      medianRequestsPerSecond: Math.round(r.subject.perSecond),
      medianP99Ms: r.subject.p99Ms,
      rounds,
      requestsPerRound: requests,
      concurrency: 16,
    },
    baseline: {
      name: 'bare express handler, same TLS',
      medianRequestsPerSecond: Math.round(r.baseline.perSecond),
      medianP99Ms: r.baseline.p99Ms,
    },
    ratio: r.subject.perSecond / r.baseline.perSecond,
  });
}
