import { median, report, runLoad } from './support/load.js';
import type { BenchServers } from './support/spawn-servers.js';

/**
 * GET /api/v1/health over HTTPS through the whole gateway stack, against a bare Express handler on the
 * same TLS settings in the same process. Alternating rounds so drift on a noisy machine hits both.
 */
export async function benchHealth(servers: BenchServers, rounds = 5, requests = 2000): Promise<void> {
  const gateway: number[] = [];
  const bare: number[] = [];
  const gatewayP99: number[] = [];
  const bareP99: number[] = [];
  const common = { ca: servers.ca, concurrency: 16, requests, keepAlive: true };
  await runLoad({ ...common, url: `${servers.gatewayUrl}/health`, requests: 300 });
  await runLoad({ ...common, url: `${servers.bareUrl}/health`, requests: 300 });
  for (let i = 0; i < rounds; i++) {
    const g = await runLoad({ ...common, url: `${servers.gatewayUrl}/health` });
    const b = await runLoad({ ...common, url: `${servers.bareUrl}/health` });
    if (g.non2xx > 0 || b.non2xx > 0) throw new Error(`health answered non-2xx: gateway ${g.non2xx}, bare ${b.non2xx}`);
    gateway.push(g.perSecond);
    bare.push(b.perSecond);
    gatewayP99.push(g.p99Ms);
    bareP99.push(b.p99Ms);
  }
  report({
    name: 'health-https',
    figures: { medianRequestsPerSecond: Math.round(median(gateway)), medianP99Ms: median(gatewayP99), rounds, requestsPerRound: requests, concurrency: 16 },
    baseline: { name: 'bare express handler, same TLS', medianRequestsPerSecond: Math.round(median(bare)), medianP99Ms: median(bareP99) },
    ratio: median(gateway) / median(bare),
  });
}
