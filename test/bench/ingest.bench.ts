import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '../../adapters/store/open-store.js';
import { httpsCall } from '../support/https-call.js';
import { alternateRounds, report, runLoad } from './support/load.js';
import type { BenchServers } from './support/spawn-servers.js';

const ITEMS_PER_REQUEST = 20;

/**
 * Ingest end to end: POST /casussen/{id}/informatie over HTTPS with the police's client certificate,
 * 20 items a request (half police data, encrypted per betrokkene), covenant-checked and committed —
 * against a bare Prisma createMany of the same rows into a fresh database of the same kind.
 */
export async function benchIngest(servers: BenchServers, rounds = 5, requests = 150): Promise<void> {
  const tls = { ca: servers.ca, cert: servers.partnerCert('politie-demo'), key: servers.partnerKey('politie-demo') };
  const created = await httpsCall(`${servers.gatewayUrl}/aanmeldingen`, {
    ...tls,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      soort: 'persoon',
      gemeente: 'Demostad',
      reden: 'bench',
      leefgebieden: ['huisvesting-en-wonen'],
      betrokkenen: [{ ref: 'p', achternaam: 'Bench', geboortedatum: '1980-01-01' }],
    }),
  });
  if (created.status !== 201) throw new Error(`bench aanmelding failed: ${created.status} ${created.body}`);
  const { casus, betrokkenen } = created.json<{ casus: string; betrokkenen: { betrokkene: string }[] }>();
  const betrokkene = betrokkenen[0]!.betrokkene;
  const items = Array.from({ length: ITEMS_PER_REQUEST }, (_, i) =>
    i % 2 === 0
      ? {
          categorie: 'politiegegevens',
          betrokkene,
          inhoud: `Registratie ${i}: melding overlast, ${'x'.repeat(200)}`,
          grondslag: 'wpg-art-20',
          leefgebied: 'delictgeschiedenis',
        }
      : {
          categorie: 'wonen',
          betrokkene,
          inhoud: `Woonsituatie ${i}: ${'y'.repeat(200)}`,
          grondslag: 'avg-6-1-e-gemeente',
          leefgebied: 'huisvesting-en-wonen',
        },
  );
  const body = JSON.stringify({ doel: 'triage', items });

  const bareDir = mkdtempSync(join(tmpdir(), 'knooppunt-bare-'));
  const bare = await openStore(`file:${join(bareDir, 'bare.db')}`);
  await bare.db.casus.create({
    data: { id: casus, soort: 'persoon', gemeente: 'x', reden: 'x', leefgebieden: '[]', aanmelderId: 'politie-demo' },
  });
  const bareRun = async () => {
    const started = process.hrtime.bigint();
    for (let r = 0; r < requests; r++) {
      await bare.db.informatieItem.createMany({
        data: items.map((it) => ({
          id: randomUUID(),
          casusId: casus,
          betrokkeneId: null,
          bronPartnerId: 'politie-demo',
          categorie: it.categorie,
          leefgebied: it.leefgebied,
          inhoud: it.inhoud,
          versleuteld: false,
          grondslag: it.grondslag,
          doelVerzameling: 'triage',
        })),
      });
    }
    return {
      perSecond: (requests * ITEMS_PER_REQUEST) / (Number(process.hrtime.bigint() - started) / 1e9),
      p95Ms: 0,
      p99Ms: 0,
      non2xx: 0,
    };
  };
  const gatewayRun = async () => {
    const r = await runLoad({
      ...tls,
      url: `${servers.gatewayUrl}/casussen/${casus}/informatie`,
      method: 'POST',
      body: () => body,
      concurrency: 8,
      requests,
      keepAlive: true,
    });
    return { ...r, perSecond: r.perSecond * ITEMS_PER_REQUEST };
  };
  try {
    const r = await alternateRounds('ingest', rounds, gatewayRun, bareRun);
    report({
      name: 'ingest-https',
      figures: {
        medianItemsPerSecond: Math.round(r.subject.perSecond),
        medianRequestP99Ms: r.subject.p99Ms,
        itemsPerRequest: ITEMS_PER_REQUEST,
        specialShare: 0.5,
        requestsPerRound: requests,
        rounds,
        concurrency: 8,
        target: 1000,
      },
      baseline: {
        name: 'Prisma createMany of the same rows, same database kind, no HTTP/auth/covenant/encryption',
        medianItemsPerSecond: Math.round(r.baseline.perSecond),
      },
      ratio: r.subject.perSecond / r.baseline.perSecond,
    });
  } finally {
    await bare.close();
    rmSync(bareDir, { recursive: true, force: true });
  }
}
