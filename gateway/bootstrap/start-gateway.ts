import { createPrivateKey, X509Certificate } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { Express } from 'express';
import type { Logger } from 'pino';
import { ensureDevPki, type DevPkiPaths } from '../../adapters/crypto/dev-pki.js';
import { loadGatewayKeys } from '../../adapters/crypto/gateway-keys.js';
import { dataProtection as dataProtectionFor, loadMasterKey } from '../../adapters/crypto/data-protection.js';
import { createLedger } from '../../adapters/ledger/ledger.js';
import { openLedgerStorage } from '../../adapters/ledger/open-ledger-storage.js';
import { logSigning } from '../../adapters/ledger/checkpoints.js';
import { loadLogSigningKey } from '../../adapters/ledger/signed-note.js';
import { DISCLOSURE_LOG } from '../disclosure/log-id.js';
import { openStore, type Store } from '../../adapters/store/open-store.js';
import { loadContract } from '../../openapi/load-contract.js';
import { systemClock } from '../clock.js';
import type { Config } from '../config/config-schema.js';
import { type AppDeps, createApp } from '../create-app.js';
import { demoPartners } from './demo-partners.js';
import { keptCheckpointPath, keyPaths } from './key-paths.js';
import { logIntegrity, type LogIntegrity } from '../disclosure/log-integrity.js';
import { covenantRegistry } from '../covenant/covenant-registry.js';
import { defaultCovenantDir, recordCovenantVersion } from '../covenant/record-covenant-version.js';
import { checkRevocationList, loadTrust, problemOf } from './load-trust.js';
import { ConfigError } from '../config/load-config.js';
import { parseCertificateBundle } from '../auth/verify-client-certificate.js';
import { registerDemoPartners } from './register-demo-partners.js';
import { changeNoticesFor, type ChangeNotices } from '../../adapters/store/change-notices.js';
import { LEASE_KEYS, leaseFor } from '../../adapters/store/advisory-lease.js';
import { openJobQueue } from '../jobs/open-job-queue.js';
import type { JobQueue } from '../jobs/job-queue.js';
import { registerBackgroundWork } from '../jobs/background-work.js';
import { outbox } from '../meldingen/outbox.js';
import { contractUrl } from '../../openapi/contract-url.js';
import { useCaseDeps } from '../use-case-deps.js';
import { refuseRenegotiation, tlsServerOptions } from './tls-options.js';

/** How often the checkpointer signs (and how soon another process takes over when it dies). */
const CHECKPOINT_MS = 5000;

export interface RunningGateway {
  server: Server;
  store: Store;
  /** Background work shared by all processes (pg-boss on PostgreSQL, in memory on SQLite). */
  jobs: JobQueue;
  url: string;
  pki: DevPkiPaths;
  stop(): Promise<void>;
}

function tlsFiles(config: Config, pki: DevPkiPaths): { cert: string; key: string; ca: string } {
  const files = {
    cert: config.tls.certFile ?? pki.serverCert,
    key: config.tls.keyFile ?? pki.serverKey,
    ca: config.tls.caFile ?? pki.caCert,
  };
  const settings = { cert: 'KNOOPPUNT_TLS_CERT', key: 'KNOOPPUNT_TLS_KEY', ca: 'KNOOPPUNT_TLS_CA' } as const;
  const parse = { cert: (pem: string) => new X509Certificate(pem), key: createPrivateKey, ca: parseCertificateBundle };
  for (const name of ['cert', 'key', 'ca'] as const) {
    const path = files[name];
    if (!existsSync(path)) throw new ConfigError(`${settings[name]} ${path}: file not found`);
    try {
      parse[name](readFileSync(path, 'utf8'));
    } catch (err) {
      throw new ConfigError(`${settings[name]} ${path}: not a readable PEM ${name} (${problemOf(err)})`);
    }
  }
  return files;
}

/** Everything `createApp` needs, opened on the data directory: keys, trust, covenant registry, disclosure log. */
async function appDependencies(
  config: Config,
  logger: Logger,
  store: Store,
  caFile: string,
): Promise<AppDeps & { logIntegrity: LogIntegrity; notices: ChangeNotices; reviewStore?: Store }> {
  const secrets = keyPaths(config.dataDir);
  const notices = changeNoticesFor(config.databaseUrl, (err) =>
    logger.warn({ msg: 'change notices interrupted', errorName: err.name }),
  );
  const covenants = covenantRegistry(config.covenantDir ?? defaultCovenantDir, {
    logger,
    clock: systemClock,
    pollMs: config.covenantPollMs,
    onLoaded: (c) =>
      void recordCovenantVersion(store, c).catch(() =>
        logger.error({ msg: 'covenant version not recorded', covenant: c.label }),
      ),
    // The first process to see a new file tells the others, so they do not each wait for their own poll.
    onChanged: () =>
      void notices
        .publish('convenant')
        .catch((err: unknown) => logger.warn({ msg: 'covenant notice not sent', errorName: (err as Error).name })),
  });
  // Every process re-reads its covenant folder when one of them is told of a new version.
  notices.subscribe('convenant', () => {
    try {
      covenants.refresh();
    } catch (err) {
      logger.error({ msg: 'covenant folder unreadable', errorName: (err as Error).name });
    }
  });
  const trust = loadTrust(caFile, config.tls.crlFile);
  await checkRevocationList(trust, config.tls.crlFile);
  const ledger = createLedger(openLedgerStorage(config.databaseUrl), DISCLOSURE_LOG);
  const signing = logSigning(store, ledger, loadLogSigningKey(secrets.ledgerSigning));
  // Review queries (search, export, signals) scan the whole log and aggregates scan every casus: a
  // streaming replica takes them off the primary. Never migrated from here: a replica is read-only.
  const reviewLedger = config.databaseReplicaUrl
    ? createLedger(openLedgerStorage(config.databaseReplicaUrl), DISCLOSURE_LOG)
    : undefined;
  const reviewStore = config.databaseReplicaUrl
    ? await openStore(config.databaseReplicaUrl, { migrate: false })
    : undefined;
  return {
    config,
    logger,
    store,
    contract: loadContract(),
    clock: systemClock,
    covenants,
    ledger,
    keys: await loadGatewayKeys(secrets.gatewaySigning, systemClock.now(), { logger }),
    trust,
    dataProtection: dataProtectionFor(loadMasterKey(secrets.master)),
    logSigning: signing,
    notices,
    reviewLedger,
    reviewStore,
    logIntegrity: logIntegrity({
      ledger,
      ...signing,
      logger,
      pinPath: keptCheckpointPath(config.dataDir, ledger.origin),
    }),
  };
}

/** HTTPS that asks for (does not require) a client certificate: liveness works without one. */
async function listen(app: Express, tls: { cert: string; key: string; ca: string }, config: Config): Promise<Server> {
  const server = createServer(
    tlsServerOptions({ cert: readFileSync(tls.cert), key: readFileSync(tls.key), ca: readFileSync(tls.ca) }),
    app,
  );
  refuseRenegotiation(server);
  server.headersTimeout = 15_000;
  server.requestTimeout = 30_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, () => resolve());
  });
  return server;
}

/** Stops taking connections, lets requests in flight finish (up to the shutdown timeout), then closes the rest. */
function closeServer(server: Server, timeoutMs: number): Promise<void> {
  return new Promise<void>((resolve) => {
    const force = setTimeout(() => server.closeAllConnections(), timeoutMs);
    force.unref();
    server.close(() => resolve());
    server.closeIdleConnections();
  });
}

/**
 * Starts everything `npm start` promises: dev PKI (first start only), database with migrations, demo
 * partners, and the HTTPS server asking for (not requiring) client certificates — liveness must work
 * without one; protected routes refuse callers without a valid certificate.
 */
export async function startGateway(config: Config, logger: Logger): Promise<RunningGateway> {
  const partners = config.demoPartners ? demoPartners : [];
  const { paths: pki, created } = ensureDevPki(config.dataDir, partners, systemClock.now());
  if (created.length > 0) logger.info({ msg: 'dev PKI created', dir: pki.dir, created });
  const tls = tlsFiles(config, pki);
  const store = await openStore(config.databaseUrl);
  let deps: AppDeps & { logIntegrity: LogIntegrity; notices: ChangeNotices; reviewStore?: Store };
  try {
    if (config.demoPartners) await registerDemoPartners(store, pki);
    deps = await appDependencies(config, logger, store, tls.ca);
  } catch (err) {
    await store.close();
    throw err;
  }
  const integrity = deps.logIntegrity;
  // Before the first request: a log that no longer extends its last signed checkpoint is logged (error)
  // and the gateway starts not ready, refusing disclosures, so the problem is seen rather than hidden.
  await integrity.check();
  const jobs = await openJobQueue(config.databaseUrl, (job, err) =>
    logger.error({ msg: 'background job failed', job, errorName: (err as Error).name }),
  );
  const server = await listen(createApp({ ...deps, jobs }), tls, config);
  // A signed checkpoint every few seconds while the log grows (each after an integrity check), so
  // monitors can follow it; with N processes only the holder of the checkpointer lease signs.
  const checkpointer = leaseFor(config.databaseUrl, LEASE_KEYS.checkpointer, 'checkpointer');
  const checkpointTimer = setInterval(
    () =>
      void checkpointer
        .holds()
        .then((mine) => (mine ? integrity.sign() : undefined))
        .catch((err: unknown) =>
          logger.error({
            msg: 'checkpoint not signed',
            errorName: (err as Error).name,
            reason: (err as Error).message,
          }),
        ),
    CHECKPOINT_MS,
  );
  checkpointTimer.unref();
  const useCases = useCaseDeps({
    store,
    dp: deps.dataProtection,
    covenants: deps.covenants,
    clock: systemClock,
    ledger: integrity.guard(deps.ledger),
    meldingen: outbox(store, systemClock),
  });
  await registerBackgroundWork(jobs, {
    useCases,
    clock: systemClock,
    keys: deps.keys,
    config,
    casusUrl: (casusId) => contractUrl(deps.contract, 'getCasus', { casusId }),
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const stop = async () => {
    await closeServer(server, config.shutdownTimeoutMs);
    deps.covenants.stop();
    clearInterval(checkpointTimer);
    await jobs.stop();
    await checkpointer.release();
    await deps.notices.close();
    await deps.ledger.close();
    await deps.reviewLedger?.close();
    await deps.reviewStore?.close();
    await store.close();
  };
  return { server, store, jobs, url: `https://localhost:${port}${deps.contract.basePath}`, pki, stop };
}
