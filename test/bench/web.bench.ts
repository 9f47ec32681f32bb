import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { openStore } from '../../adapters/store/open-store.js';
import { inviteMedewerker } from '../../gateway/web/accounts/invite-medewerker.js';
import { SESSION_COOKIE } from '../../gateway/web/cookies.js';
import { newToken, tokenHash } from '../../gateway/web/secret-token.js';
import { alternateRounds, report, runLoad } from './support/load.js';
import type { BenchServers } from './support/spawn-servers.js';

/**
 * A page of the staff web application (GET /mijn-casussen: session lookup, the same listCasussen use
 * case, server-side rendering in the layout) against the matching API call (GET /api/v1/casussen with
 * the partner's certificate), same server, same run. Compared at p95 (the figure); p99 is printed too.
 */
export async function benchWeb(servers: BenchServers, rounds = 5, requests = 600): Promise<void> {
  const store = await openStore(`file:${join(servers.dataDir, 'bench.db')}`);
  let cookie: string;
  try {
    const clock = { now: () => new Date() };
    const { medewerkerId } = await inviteMedewerker(
      { store, clock },
      { partnerId: 'zvh-demo', rol: 'procesregisseur', pseudoniem: `Bench ${randomUUID().slice(0, 8)}` },
    );
    const token = newToken();
    await store.sessies.create(
      { id: randomUUID(), tokenHash: tokenHash(token), medewerkerId, csrfToken: newToken() },
      clock.now(),
    );
    cookie = `${SESSION_COOKIE}=${token}`;
  } finally {
    await store.close();
  }
  const origin = new URL(servers.gatewayUrl).origin;
  const common = { ca: servers.ca, concurrency: 8, requests, keepAlive: true };
  const page = () => runLoad({ ...common, url: `${origin}/mijn-casussen`, headers: { cookie } });
  const api = () =>
    runLoad({
      ...common,
      url: `${servers.gatewayUrl}/casussen`,
      cert: servers.partnerCert('zvh-demo'),
      key: servers.partnerKey('zvh-demo'),
    });
  const r = await alternateRounds('web', rounds, page, api);
  report({
    name: 'web-page',
    figures: {
      medianP95Ms: r.subject.p95Ms,
      medianP99Ms: r.subject.p99Ms,
      medianRequestsPerSecond: Math.round(r.subject.perSecond),
      rounds,
      requestsPerRound: requests,
    },
    baseline: {
      name: 'GET /api/v1/casussen (same use case, JSON), same server',
      medianP95Ms: r.baseline.p95Ms,
      medianP99Ms: r.baseline.p99Ms,
      medianRequestsPerSecond: Math.round(r.baseline.perSecond),
    },
    // Like every ratio in `npm run bench`: 1 is as fast as the baseline, lower is slower (API p95 / page p95).
    ratio: r.baseline.p95Ms / r.subject.p95Ms,
  });
}
