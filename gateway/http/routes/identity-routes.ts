import { Router } from 'express';
import type { GatewayKeys } from '../../../adapters/crypto/gateway-keys.js';
import { AuthFailure } from '../../auth/auth-failure.js';
import { clientCertificateOf, type CertificateSourceConfig } from '../../auth/client-certificate-source.js';
import { exchangeToken, type TokenRequest } from '../../auth/exchange-token.js';
import type { IdentifyDeps } from '../../auth/identify-caller.js';
import type { SecurityEvents } from '../../auth/security-events.js';

export interface IdentityRouteDeps extends IdentifyDeps {
  keys: GatewayKeys;
  certificates: CertificateSourceConfig;
  events: SecurityEvents;
  tokenTtlSeconds: number;
  clockSkewSeconds: number;
}

/** The token endpoint, the gateway's JWKS, and "who am I". */
export function identityRoutes(deps: IdentityRouteDeps): Router {
  const router = Router();
  const audiences = [deps.issuer, `${deps.issuer}/token`];

  router.post('/token', async (req, res) => {
    try {
      const result = await exchangeToken(req.body as TokenRequest, clientCertificateOf(req, deps.certificates), {
        ...deps,
        audiences,
        ttlSeconds: deps.tokenTtlSeconds,
      });
      res.locals.ctx.partnerId = result.partnerId;
      res.locals.ctx.actor = result.actor;
      res.json(result.response);
    } catch (err) {
      if (err instanceof AuthFailure) await deps.events.refused(err, res.locals.ctx);
      throw err;
    }
  });

  router.get('/jwks.json', (_req, res) => {
    res.json(deps.keys.jwks());
  });

  router.get('/partners/ik', (_req, res) => {
    const { partner, actor, certificate } = res.locals.caller;
    res.json({
      partner,
      actor,
      authenticatie: { certificaat: certificate !== undefined, token: _req.get('authorization') !== undefined },
    });
  });

  return router;
}
