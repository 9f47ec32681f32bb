import { join } from 'node:path';
import { CLIENT_ASSERTION_TYPE } from '../../gateway/auth/exchange-token.js';
import { runCli } from '../../gateway/cli/knooppunt.js';
import { httpsCall } from '../support/https-call.js';
import { alternateRounds, report, runLoad } from './support/load.js';
import type { BenchServers } from './support/spawn-servers.js';

/** A procesregisseur's token over the zvh-demo certificate: the assertion as `knooppunt assertion` signs it. */
async function regisseurToken(servers: BenchServers, tls: { ca: Buffer; cert: Buffer; key: Buffer }) {
  const lines: string[] = [];
  // The same settings the bench gateway was started with (bench-servers.ts), so the audience matches.
  const env = {
    PORT: '0',
    KNOOPPUNT_DATA_DIR: servers.dataDir,
    DATABASE_URL: `file:${join(servers.dataDir, 'bench.db')}`,
  };
  const code = await runCli(
    ['assertion', '--partner', 'zvh-demo', '--actor', 'regie-bench', '--rol', 'procesregisseur'],
    {
      out: (l) => lines.push(l),
      env,
    },
  );
  if (code !== 0) throw new Error('case-overview bench: no assertion');
  const form = new URLSearchParams({
    grant_type: 'client_credentials',
    client_assertion_type: CLIENT_ASSERTION_TYPE,
    client_assertion: lines.join('').trim(),
  });
  const res = await httpsCall(`${servers.gatewayUrl}/token`, {
    ...tls,
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: form.toString(),
  });
  if (res.status !== 200) throw new Error(`case-overview bench: token ${res.status} ${res.body}`);
  return res.json<{ access_token: string }>().access_token;
}

/**
 * The regisseur's overview end to end (GET /casussen/{id}/overzicht: identity and role, five views judged
 * by the covenant, decryption, history, one ledger entry before the answer) against a bare endpoint that
 * reads the same rows with plain queries. Short: a few seconds.
 */
export async function benchCaseOverview(servers: BenchServers, rounds = 3, requests = 150): Promise<void> {
  const politie = {
    ca: servers.ca,
    cert: servers.partnerCert('politie-demo'),
    key: servers.partnerKey('politie-demo'),
  };
  const zvh = { ca: servers.ca, cert: servers.partnerCert('zvh-demo'), key: servers.partnerKey('zvh-demo') };
  const json = { method: 'POST', headers: { 'content-type': 'application/json' } };
  const created = await httpsCall(`${servers.gatewayUrl}/aanmeldingen`, {
    ...politie,
    ...json,
    body: JSON.stringify({
      soort: 'systeem',
      gemeente: 'Demostad',
      reden: 'overzicht',
      leefgebieden: ['huisvesting-en-wonen'],
      betrokkenen: [
        { ref: 'kind', achternaam: 'Bench', geboortedatum: '2012-01-01' },
        { ref: 'ouder', achternaam: 'Bench', geboortedatum: '1980-01-01' },
      ],
      relaties: [{ van: 'ouder', naar: 'kind', soort: 'ouder' }],
    }),
  });
  const { casus, betrokkenen } = created.json<{ casus: string; betrokkenen: { betrokkene: string }[] }>();
  const items = Array.from({ length: 6 }, (_, i) => ({
    categorie: 'wonen',
    leefgebied: 'huisvesting-en-wonen',
    betrokkene: betrokkenen[i % 2]!.betrokkene,
    inhoud: `Wonen ${i} ${'y'.repeat(200)}`,
    grondslag: 'avg-6-1-e-gemeente',
  }));
  await httpsCall(`${servers.gatewayUrl}/casussen/${casus}/informatie`, {
    ...politie,
    ...json,
    body: JSON.stringify({ doel: 'triage', items }),
  });
  const token = await regisseurToken(servers, zvh);
  const auth = { authorization: `Bearer ${token}` };
  await httpsCall(`${servers.gatewayUrl}/casussen/${casus}/triagebesluit`, {
    ...zvh,
    method: 'POST',
    headers: { ...json.headers, ...auth },
    body: JSON.stringify({ uitkomst: 'procesregie', motivering: 'bench' }),
  });
  const common = { ...zvh, concurrency: 4, requests, keepAlive: true };
  const gateway = () => runLoad({ ...common, headers: auth, url: `${servers.gatewayUrl}/casussen/${casus}/overzicht` });
  const bare = () => runLoad({ ...common, url: `${servers.bareUrl}/casussen/${casus}/overzicht` });
  const r = await alternateRounds('case-overview', rounds, gateway, bare);
  report({
    name: 'case-overview',
    figures: {
      medianOverviewsPerSecond: Math.round(r.subject.perSecond),
      medianP99Ms: r.subject.p99Ms,
      persons: 2,
      items: 6,
      requestsPerRound: requests,
      rounds,
      concurrency: 4,
    },
    baseline: {
      name: 'bare Express + Prisma reading the same rows (casus, links, items, relations, steps), same TLS',
      medianOverviewsPerSecond: Math.round(r.baseline.perSecond),
    },
    ratio: r.subject.perSecond / r.baseline.perSecond,
  });
}
