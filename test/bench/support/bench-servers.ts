import { mkdtempSync, readFileSync } from 'node:fs';
import { createServer } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import express from 'express';
import { loadGatewayKeys } from '../../../adapters/crypto/gateway-keys.js';
import { loadTrust } from '../../../gateway/bootstrap/load-trust.js';
import { keyPaths } from '../../../gateway/bootstrap/key-paths.js';
import { startGateway } from '../../../gateway/bootstrap/start-gateway.js';
import { loadContract } from '../../../openapi/load-contract.js';
import { authProbeApp } from './auth-probe-app.js';
import { loadConfig } from '../../../gateway/config/load-config.js';
import { createLogger } from '../../../gateway/logging/create-logger.js';

/**
 * Child process of the benchmarks: the real gateway (embedded default on a fresh data dir) and, beside
 * it, a bare Express app over the same TLS settings — the baseline. Prints its ports as one JSON line.
 */
const dataDir = process.env.BENCH_DATA_DIR ?? mkdtempSync(join(tmpdir(), 'knooppunt-bench-'));
const config = loadConfig({
  PORT: '0',
  KNOOPPUNT_DATA_DIR: dataDir,
  DATABASE_URL: `file:${join(dataDir, 'bench.db')}`,
  KNOOPPUNT_RATE_LIMIT_PER_MINUTE: '100000000',
});
const gw = await startGateway(config, createLogger('silent'));

const bare = express();
bare.get('/api/v1/health', (_req, res) => {
  res.json({ status: 'ok' });
});
// The baseline for pulls: the same rows through Prisma, with no identity, covenant, decryption or log.
bare.get('/api/v1/casussen/:casusId/informatie', async (req, res) => {
  const items = await gw.store.db.informatieItem.findMany({
    where: { casusId: String(req.params.casusId) },
    orderBy: { ontvangenOp: 'asc' },
  });
  res.json({ items: items.map((i) => ({ ...i, ontvangenOp: i.ontvangenOp.toISOString() })) });
});
// The baseline for the regisseur's overview: the same rows by plain queries, no covenant, decryption or log.
bare.get('/api/v1/casussen/:casusId/overzicht', async (req, res) => {
  const id = String(req.params.casusId);
  const db = gw.store.db;
  const [casus, links, items, steps] = await Promise.all([
    db.casus.findUnique({ where: { id } }),
    db.casusBetrokkene.findMany({ where: { casusId: id } }),
    db.informatieItem.findMany({ where: { casusId: id } }),
    db.casusOvergang.findMany({ where: { casusId: id } }),
  ]);
  const ids = links.map((l) => l.betrokkeneId);
  const relaties = await db.systeemRelatie.findMany({ where: { vanId: { in: ids }, naarId: { in: ids } } });
  res.json(JSON.parse(JSON.stringify({ casus, links, items, relaties, steps })));
});
const bareServer = createServer(
  {
    cert: readFileSync(gw.pki.serverCert),
    key: readFileSync(gw.pki.serverKey),
    ca: readFileSync(gw.pki.caCert),
    requestCert: true,
    rejectUnauthorized: false,
  },
  bare,
);
await new Promise<void>((r) => bareServer.listen(0, '127.0.0.1', () => r()));

const tlsOptions = {
  cert: readFileSync(gw.pki.serverCert),
  key: readFileSync(gw.pki.serverKey),
  ca: readFileSync(gw.pki.caCert),
  requestCert: true,
  rejectUnauthorized: false,
};
const probeDeps = {
  store: gw.store,
  trust: loadTrust(gw.pki.caCert, undefined),
  keys: await loadGatewayKeys(keyPaths(dataDir).gatewaySigning, new Date()),
  contract: loadContract(),
  logger: createLogger('silent'),
  issuer: config.issuer,
};
const probes = [
  createServer(tlsOptions, authProbeApp(true, probeDeps)),
  createServer(tlsOptions, authProbeApp(false, probeDeps)),
];
for (const s of probes) await new Promise<void>((r) => s.listen(0, '127.0.0.1', () => r()));

const port = (s: { address(): unknown }) => (s.address() as { port: number }).port;
process.stdout.write(
  `${JSON.stringify({ gateway: port(gw.server), bare: port(bareServer), authProbe: port(probes[0]!), openProbe: port(probes[1]!), dataDir })}\n`,
);
process.on('SIGTERM', () => {
  void gw.stop().then(() => process.exit(0));
});
