import { httpsCall } from '../support/https-call.js';
import { alternateRounds, report, runLoad } from './support/load.js';
import type { BenchServers } from './support/spawn-servers.js';

/**
 * Pulls end to end: GET /casussen/{id}/informatie?doel=triage over HTTPS with a client certificate —
 * identity, covenant per source and category, decryption of special categories, masking, and a ledger
 * entry committed before the answer — against a bare Express + Prisma endpoint serving the same rows.
 */
export async function benchPull(servers: BenchServers, rounds = 5, requests = 600): Promise<void> {
  const tls = { ca: servers.ca, cert: servers.partnerCert('politie-demo'), key: servers.partnerKey('politie-demo') };
  const json = { method: 'POST', headers: { 'content-type': 'application/json' } };
  const created = await httpsCall(`${servers.gatewayUrl}/aanmeldingen`, {
    ...tls,
    ...json,
    body: JSON.stringify({
      soort: 'persoon',
      gemeente: 'Demostad',
      reden: 'pull',
      leefgebieden: ['huisvesting-en-wonen'],
      betrokkenen: [{ ref: 'p', achternaam: 'Pull', geboortedatum: '1980-01-01' }],
    }),
  });
  const { casus, betrokkenen } = created.json<{ casus: string; betrokkenen: { betrokkene: string }[] }>();
  const items = Array.from({ length: 10 }, (_, i) =>
    i % 2 === 0
      ? {
          categorie: 'politiegegevens',
          betrokkene: betrokkenen[0]!.betrokkene,
          inhoud: `Registratie ${i} ${'x'.repeat(200)}`,
          grondslag: 'wpg-art-20',
        }
      : {
          categorie: 'wonen',
          betrokkene: betrokkenen[0]!.betrokkene,
          inhoud: `Wonen ${i} ${'y'.repeat(200)}`,
          grondslag: 'avg-6-1-e-gemeente',
        },
  );
  const added = await httpsCall(`${servers.gatewayUrl}/casussen/${casus}/informatie`, {
    ...tls,
    ...json,
    body: JSON.stringify({ doel: 'triage', items }),
  });
  if (added.status !== 201) throw new Error(`pull bench setup failed: ${added.status} ${added.body}`);

  const common = { ...tls, concurrency: Number(process.env.BENCH_PULL_CONCURRENCY ?? 8), requests, keepAlive: true };
  const gateway = () => runLoad({ ...common, url: `${servers.gatewayUrl}/casussen/${casus}/informatie?doel=triage` });
  const bare = () => runLoad({ ...common, url: `${servers.bareUrl}/casussen/${casus}/informatie` });
  const r = await alternateRounds('pull', rounds, gateway, bare);
  report({
    name: 'pull-https',
    figures: {
      medianPullsPerSecond: Math.round(r.subject.perSecond),
      medianP99Ms: r.subject.p99Ms,
      itemsPerPull: 10,
      encryptedShare: 0.5,
      requestsPerRound: requests,
      rounds,
      concurrency: 8,
      target: 'ratio ≥ 0.5',
    },
    baseline: {
      name: 'bare Express + Prisma serving the same rows, same TLS',
      medianPullsPerSecond: Math.round(r.baseline.perSecond),
    },
    ratio: r.subject.perSecond / r.baseline.perSecond,
  });
}
