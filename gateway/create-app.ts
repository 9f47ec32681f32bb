import { watchFile } from 'node:fs';
import express, { type Express } from 'express';
import helmet from 'helmet';
import type { Logger } from 'pino';
import type { DataProtection } from '../adapters/crypto/data-protection.js';
import type { GatewayKeys } from '../adapters/crypto/gateway-keys.js';
import type { Ledger } from '../adapters/ledger/ledger.js';
import type { LogSigning } from '../adapters/ledger/checkpoints.js';
import type { AuditRepository } from '../adapters/store/audit-repository.js';
import type { Store } from '../adapters/store/open-store.js';
import type { Contract } from '../openapi/load-contract.js';
import { identityCache } from './auth/identity-cache.js';
import { type ChangeNotices, inProcessNotices } from '../adapters/store/change-notices.js';
import type { CovenantRegistry } from './covenant/covenant-registry.js';
import { securityEvents } from './auth/security-events.js';
import type { CertificateTrust } from './auth/verify-client-certificate.js';
import type { Clock } from './clock.js';
import type { Config } from './config/config-schema.js';
import { accessLog } from './http/middleware/access-log.js';
import { authenticate, refuseUnauthenticated } from './http/middleware/authenticate.js';
import { dispatchOperation } from './http/middleware/dispatch-operation.js';
import { handleErrors } from './http/middleware/handle-errors.js';
import { matchOperation } from './http/middleware/match-operation.js';
import { anonymousRateLimit, partnerRateLimit } from './http/middleware/rate-limits.js';
import { sharedRateLimitStore } from './http/middleware/shared-rate-limit-store.js';
import { refuseContentEncoding } from './http/middleware/refuse-content-encoding.js';
import { bodyErrors, requestBody } from './http/middleware/request-body.js';
import { requireAcceptable } from './http/middleware/require-acceptable.js';
import { precomputedHeaders } from './http/middleware/precomputed-headers.js';
import { requireFiniteNumbers } from './http/middleware/require-finite-numbers.js';
import { traceContext } from './http/middleware/trace-context.js';
import { contractErrors, validateAgainstContract } from './http/middleware/validate-against-contract.js';
import { operationHandlers } from './operations/index.js';
import type { OperationDeps } from './operations/operation-deps.js';
import { partnerAdmin } from './partners/partner-admin.js';
import { outbox } from './meldingen/outbox.js';
import { useCaseDeps } from './use-case-deps.js';
import { contractUrl } from '../openapi/contract-url.js';
import { registerImportJobs } from './import/import-jobs.js';
import { inProcessJobs } from './jobs/in-process-jobs.js';
import type { JobQueue } from './jobs/job-queue.js';
import { logIntegrity, type LogIntegrity } from './disclosure/log-integrity.js';
import { keptCheckpointPath, witnessKeysPath } from './bootstrap/key-paths.js';
import { webApp } from './web/web-app.js';

export interface AppDeps {
  config: Config;
  logger: Logger;
  store: Store;
  contract: Contract;
  clock: Clock;
  keys: GatewayKeys;
  trust: CertificateTrust;
  covenants: CovenantRegistry;
  ledger: Ledger;
  dataProtection: DataProtection;
  /** Signs the disclosure log's checkpoints with its own Ed25519 key (the one verifiers pin). */
  logSigning: LogSigning;
  /** Guards the disclosure log (built here when not given; the server passes its own to check at start). */
  logIntegrity?: LogIntegrity;
  /** The disclosure log on the read replica, for review queries only (default: `ledger`). */
  reviewLedger?: Ledger;
  /** The read replica's store, for aggregates (signaalfunctie) only (default: `store`). */
  reviewStore?: Pick<Store, 'signaal'>;
  /** Cache invalidation shared with the other gateway processes (default: this process only). */
  notices?: ChangeNotices;
  /**
   * Background work with the import handler registered (the server: pg-boss on PostgreSQL). Default:
   * a queue in this process, with imports registered on this app's use cases.
   */
  jobs?: JobQueue;
}

/**
 * Builds the Express app. The order is the security design: identify the request, route it by the
 * contract (404/405 before anything is read), check Accept and Content-Encoding, authenticate,
 * rate-limit (anonymous requests per address or certificate, authenticated ones per partner), answer
 * refused credentials (401/403 before a body is parsed), parse and validate the body, dispatch to the
 * operation's handler by its operationId; every failure ends in one problem+json mapper.
 */
export function createApp(deps: AppDeps): Express {
  const { config, logger, store, contract, clock } = deps;
  const { partners, audit } = store;
  const events = securityEvents(logger, audit, clock);
  const cache = identityCache(config.identityCacheSeconds * 1000);
  const notices = deps.notices ?? inProcessNotices();
  // A partner suspended or a certificate revoked through any process is refused by this one at once.
  notices.subscribe('identiteit', cache.clear);
  // A new CRL from the CA (each host keeps its own copy of the file): looked at every second, and a
  // certificate verified before it is verified again rather than trusted for the rest of its TTL.
  if (config.tls.crlFile) watchFile(config.tls.crlFile, { interval: 1000, persistent: false }, cache.clear);
  const registryChanged = async () => {
    cache.clear();
    await notices.publish('identiteit');
  };
  const integrity =
    deps.logIntegrity ??
    logIntegrity({
      ledger: deps.ledger,
      ...deps.logSigning,
      logger,
      pinPath: keptCheckpointPath(config.dataDir, deps.ledger.origin),
    });
  // Appends are refused while the log is not intact: the pull then answers 503 and nothing leaves.
  const ledger = integrity.guard(deps.ledger);
  const identify = { partners, trust: deps.trust, keys: deps.keys, issuer: config.issuer, clock, cache };
  const certificates = { trustedProxies: config.trustedProxies, clientCertHeader: config.clientCertHeader };

  // PostgreSQL means possibly N processes: budgets live in the database. SQLite is one process: memory.
  const counter = store.sharedRateLimits();
  const limits = counter && ((prefix: string) => sharedRateLimitStore(counter, clock, prefix));

  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', false);
  app.set('query parser', 'simple');
  // Every answer is `Cache-Control: no-store`: an ETag (a SHA-1 over each body) would never be used.
  app.set('etag', false);

  app.use(traceContext());
  app.use(accessLog(logger));
  app.use(
    precomputedHeaders(
      helmet({
        contentSecurityPolicy: {
          useDefaults: false,
          directives: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] },
        },
      }),
    ),
  );
  app.use((_req, res, next) => {
    res.setHeader('API-Version', contract.version);
    res.setHeader('Cache-Control', 'no-store');
    next();
  });
  const ops = operationDeps(
    { ...deps, ledger },
    { partners, audit, events, identify, certificates, integrity, registryChanged },
  );
  // The staff web application: every path outside the API's base path (it skips the contract middleware).
  app.use(webApp({ ops, config, logger }, contract.basePath));
  app.use(matchOperation(contract));
  app.use(requireAcceptable());
  app.use(refuseContentEncoding);
  app.use(authenticate({ ...identify, certificates, events }));
  app.use(anonymousRateLimit(config.rateLimitPerMinute, limits?.('anoniem:')));
  app.use(refuseUnauthenticated);
  app.use(partnerRateLimit(config.rateLimitPerMinute, limits?.('partner:')));
  app.use(requestBody(config.bodyLimitBytes, config.importLimitBytes));
  app.use(bodyErrors);
  app.use(requireFiniteNumbers(contract));
  app.use(validateAgainstContract(contract, true));

  app.use(dispatchOperation(operationHandlers, ops));

  app.use(contractErrors);
  app.use(handleErrors(logger));
  return app;
}

/** What the operation handlers are given: the use cases' dependencies, wired once. */
function operationDeps(
  deps: AppDeps,
  edge: Pick<OperationDeps, 'partners' | 'events' | 'integrity'> & {
    audit: AuditRepository;
    identify: Omit<OperationDeps['identity'], 'certificates' | 'tokenTtlSeconds' | 'clockSkewSeconds'>;
    certificates: OperationDeps['identity']['certificates'];
    registryChanged: () => Promise<void>;
  },
): OperationDeps {
  const { config, store, clock } = deps;
  const { partners, audit, events, identify } = edge;
  const useCases = useCaseDeps({
    store,
    dp: deps.dataProtection,
    covenants: deps.covenants,
    clock,
    ledger: deps.ledger,
    meldingen: outbox(store, clock),
  });
  let jobs = deps.jobs;
  if (!jobs) {
    jobs = inProcessJobs((job, err) =>
      deps.logger.error({ msg: 'background job failed', job, errorName: (err as Error).name }),
    );
    void registerImportJobs(jobs, useCases, (casusId) => contractUrl(deps.contract, 'getCasus', { casusId }));
  }
  return {
    store,
    contract: deps.contract,
    useCases,
    jobs,
    identity: {
      ...identify,
      certificates: edge.certificates,
      tokenTtlSeconds: config.tokenTtlSeconds,
      clockSkewSeconds: config.clockSkewSeconds,
    },
    events,
    admin: partnerAdmin({ partners, audit, trust: deps.trust, clock, onChange: edge.registryChanged }),
    covenants: deps.covenants,
    partners,
    ledger: deps.ledger,
    reviewLedger: deps.reviewLedger ?? deps.ledger,
    reviewStore: deps.reviewStore ?? store,
    checkpoints: deps.logSigning.checkpoints,
    signer: deps.logSigning.signer,
    integrity: edge.integrity,
    witnessKeysPath: witnessKeysPath(config.dataDir),
    signaalK: config.signaalK,
  };
}
