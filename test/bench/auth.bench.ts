import { alternateRounds, report, runLoad } from './support/load.js';
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
  const credentials = {
    ca: servers.ca,
    cert: servers.partnerCert('politie-demo'),
    key: servers.partnerKey('politie-demo'),
  };
  for (const mode of modes) {
    const call = (base: string) =>
      runLoad({
        ...credentials,
        url: `${base}/partners/ik`,
        concurrency: 8,
        requests: mode.requests,
        keepAlive: mode.keepAlive,
        resumeSessions: mode.resumeSessions,
      });
    const r = await alternateRounds(
      'auth probe',
      rounds,
      () => call(servers.authProbeUrl),
      () => call(servers.openProbeUrl),
    );
    report({
      name: `auth-cost (${mode.name})`,
      figures: {
        authenticatedMedianRequestsPerSecond: Math.round(r.subject.perSecond),
        authenticatedMedianP99Ms: r.subject.p99Ms,
        rounds,
        requestsPerRound: mode.requests,
        concurrency: 8,
      },
      baseline: {
        name: 'same handler without authenticate',
        medianRequestsPerSecond: Math.round(r.baseline.perSecond),
      },
      ratio: r.subject.perSecond / r.baseline.perSecond,
    });
  }
}
