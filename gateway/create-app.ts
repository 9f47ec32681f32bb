import express, { type Express } from 'express';
import helmet from 'helmet';
import type { Logger } from 'pino';
import type { DataProtection } from '../adapters/crypto/data-protection.js';
import type { GatewayKeys } from '../adapters/crypto/gateway-keys.js';
import type { Ledger } from '../adapters/ledger/ledger.js';
import type { LogSigning } from '../adapters/ledger/checkpoints.js';
import { disclosureRoutes } from './http/routes/disclosure-routes.js';
import { auditRepository } from '../adapters/store/audit-repository.js';
import type { Store } from '../adapters/store/open-store.js';
import { partnerRepository } from '../adapters/store/partner-repository.js';
import type { Contract } from '../openapi/load-contract.js';
import { identityCache } from './auth/identity-cache.js';
import type { CovenantRegistry } from './covenant/covenant-registry.js';
import { covenantRoutes } from './http/routes/covenant-routes.js';
import { intakeRoutes } from './http/routes/intake-routes.js';
import { intakeDeps } from './intake/intake-deps.js';
import { securityEvents } from './auth/security-events.js';
import type { CertificateTrust } from './auth/verify-client-certificate.js';
import type { Clock } from './clock.js';
import type { Config } from './config/config-schema.js';
import { accessLog } from './http/middleware/access-log.js';
import { authenticate, refuseUnauthenticated } from './http/middleware/authenticate.js';
import { handleErrors } from './http/middleware/handle-errors.js';
import { matchOperation } from './http/middleware/match-operation.js';
import { anonymousRateLimit, partnerRateLimit } from './http/middleware/rate-limits.js';
import { refuseContentEncoding } from './http/middleware/refuse-content-encoding.js';
import { bodyErrors, requestBody } from './http/middleware/request-body.js';
import { requireAcceptable } from './http/middleware/require-acceptable.js';
import { requireFiniteNumbers } from './http/middleware/require-finite-numbers.js';
import { traceContext } from './http/middleware/trace-context.js';
import { contractErrors, validateAgainstContract } from './http/middleware/validate-against-contract.js';
import { beheerRoutes } from './http/routes/beheer-routes.js';
import { identityRoutes } from './http/routes/identity-routes.js';
import { partnerAdminRoutes } from './http/routes/partner-admin-routes.js';
import { partnerAdmin } from './partners/partner-admin.js';

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
}

/**
 * Builds the Express app. The order is the security design: identify the request, route it by the
 * contract (404/405 before anything is read), check Accept and Content-Encoding, authenticate,
 * rate-limit (anonymous requests per address or certificate, authenticated ones per partner), answer
 * refused credentials (401/403 before a body is parsed), parse and validate the body, run the handler;
 * every failure ends in one problem+json mapper.
 */
export function createApp(deps: AppDeps): Express {
  const { config, logger, store, contract, clock } = deps;
  const partners = partnerRepository(store.db);
  const audit = auditRepository(store.db);
  const events = securityEvents(logger, audit, clock);
  const cache = identityCache(config.identityCacheSeconds * 1000);
  const identify = { partners, trust: deps.trust, keys: deps.keys, issuer: config.issuer, clock, cache };
  const certificates = { trustedProxies: config.trustedProxies, clientCertHeader: config.clientCertHeader };

  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', false);
  app.set('query parser', 'simple');
  // Every answer is `Cache-Control: no-store`: an ETag (a SHA-1 over each body) would never be used.
  app.set('etag', false);

  app.use(traceContext());
  app.use(accessLog(logger));
  app.use(
    helmet({
      contentSecurityPolicy: { useDefaults: false, directives: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] } },
    }),
  );
  app.use((_req, res, next) => {
    res.setHeader('API-Version', contract.version);
    res.setHeader('Cache-Control', 'no-store');
    next();
  });
  app.use(matchOperation(contract));
  app.use(requireAcceptable());
  app.use(refuseContentEncoding);
  app.use(authenticate({ ...identify, certificates, events }));
  app.use(anonymousRateLimit(config.rateLimitPerMinute));
  app.use(refuseUnauthenticated);
  app.use(partnerRateLimit(config.rateLimitPerMinute));
  app.use(requestBody(config.bodyLimitBytes));
  app.use(bodyErrors);
  app.use(requireFiniteNumbers(contract));
  app.use(validateAgainstContract(contract, true));

  app.use(contract.basePath, beheerRoutes({ store, contract }));
  app.use(
    contract.basePath,
    identityRoutes({
      ...identify,
      keys: deps.keys,
      certificates,
      events,
      tokenTtlSeconds: config.tokenTtlSeconds,
      clockSkewSeconds: config.clockSkewSeconds,
    }),
  );
  app.use(
    contract.basePath,
    partnerAdminRoutes({
      admin: partnerAdmin({ partners, audit, trust: deps.trust, clock, onChange: cache.clear }),
      events,
      basePath: contract.basePath,
    }),
  );
  app.use(contract.basePath, covenantRoutes({ registry: deps.covenants, partners, events }));
  const intake = intakeDeps({
    db: store.db,
    dp: deps.dataProtection,
    covenants: deps.covenants,
    clock,
    ledger: deps.ledger,
  });
  app.use(contract.basePath, intakeRoutes({ ...intake, events, basePath: contract.basePath }));
  app.use(contract.basePath, disclosureRoutes({ ...intake, ledger: deps.ledger, ...deps.logSigning, events }));
  app.use((_req, res) => {
    // Reached only for an operation the contract declares but no router serves: a bug, so a logged 500.
    throw new Error(`operation ${res.locals.operation.operationId} has no handler`);
  });

  app.use(contractErrors);
  app.use(handleErrors(logger));
  return app;
}
