import { median, report, runLoad } from './support/load.js';
import type { BenchServers } from './support/spawn-servers.js';

const modes = [
  { name: 'keep-alive', keepAlive: true, resumeSessions: true, requests: 2000 },
  { name: 'new connection, TLS session resumed', keepAlive: false, resumeSessions: true, requests: 400 },
  { name: 'new connection, full TLS handshake', keepAlive: false, resumeSessions: false, requests: 300 },
] as const;

/**
 * What authentication costs: the same handler with and without the authenticate middleware (mTLS
 * certificate verified, CRL/registry looked up), per connection mode. Both sides send the partner's
 * client certificate, so the TLS work is equal and only the gateway's checks differ.
 */
export async function benchAuth(servers: BenchServers, rounds = 5): Promise<void> {
  const credentials = { ca: servers.ca, cert: servers.partnerCert('politie-demo'), key: servers.partnerKey('politie-demo') };
  for (const mode of modes) {
    const auth: number[] = [];
    const open: number[] = [];
    const authP99: number[] = [];
    const call = (base: string) => runLoad({ ...credentials, url: `${base}/partners/ik`, concurrency: 8, requests: mode.requests, keepAlive: mode.keepAlive, resumeSessions: mode.resumeSessions });
    await call(servers.authProbeUrl);
    await call(servers.openProbeUrl);
    for (let i = 0; i < rounds; i++) {
      const a = await call(servers.authProbeUrl);
      const o = await call(servers.openProbeUrl);
      if (a.non2xx > 0 || o.non2xx > 0) throw new Error(`auth probe answered non-2xx (${a.non2xx}/${o.non2xx})`);
      auth.push(a.perSecond);
      open.push(o.perSecond);
      authP99.push(a.p99Ms);
    }
    report({
      name: `auth-cost (${mode.name})`,
      figures: { authenticatedMedianRequestsPerSecond: Math.round(median(auth)), authenticatedMedianP99Ms: median(authP99), rounds, requestsPerRound: mode.requests, concurrency: 8 },
      baseline: { name: 'same handler without authenticate', medianRequestsPerSecond: Math.round(median(open)) },
      ratio: median(auth) / median(open),
    });
  }
}
