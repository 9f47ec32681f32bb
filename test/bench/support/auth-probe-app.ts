import express, { type Express } from 'express';
import type { Logger } from 'pino';
import type { GatewayKeys } from '../../../adapters/crypto/gateway-keys.js';
import { auditRepository } from '../../../adapters/store/audit-repository.js';
import type { Store } from '../../../adapters/store/open-store.js';
import { partnerRepository } from '../../../adapters/store/partner-repository.js';
import { identityCache } from '../../../gateway/auth/identity-cache.js';
import { securityEvents } from '../../../gateway/auth/security-events.js';
import type { CertificateTrust } from '../../../gateway/auth/verify-client-certificate.js';
import { systemClock } from '../../../gateway/clock.js';
import { authenticate } from '../../../gateway/http/middleware/authenticate.js';
import { handleErrors } from '../../../gateway/http/middleware/handle-errors.js';
import { matchOperation } from '../../../gateway/http/middleware/match-operation.js';
import { traceContext } from '../../../gateway/http/middleware/trace-context.js';
import type { Contract } from '../../../openapi/load-contract.js';

/**
 * The same trivial handler at GET /api/v1/partners/ik behind the same middleware, with or without the
 * real `authenticate` step: the difference between the two is what authentication costs.
 */
export function authProbeApp(
  withAuth: boolean,
  deps: {
    store: Store;
    trust: CertificateTrust;
    keys: GatewayKeys;
    contract: Contract;
    logger: Logger;
    issuer: string;
  },
): Express {
  const app = express();
  app.use(traceContext(), matchOperation(deps.contract));
  if (withAuth) {
    app.use(
      authenticate({
        partners: partnerRepository(deps.store.db),
        trust: deps.trust,
        keys: deps.keys,
        issuer: deps.issuer,
        clock: systemClock,
        cache: identityCache(5000),
        certificates: { trustedProxies: [], clientCertHeader: 'x-ssl-client-cert' },
        events: securityEvents(deps.logger, auditRepository(deps.store.db), systemClock),
      }),
    );
  }
  app.get('/api/v1/partners/ik', (_req, res) => {
    res.json({ partner: res.locals.ctx.partnerId ?? null });
  });
  app.use(handleErrors(deps.logger));
  return app;
}
