import type { RequestHandler } from 'express';
import { AuthFailure } from '../../auth/auth-failure.js';
import { clientCertificateOf, type CertificateSourceConfig } from '../../auth/client-certificate-source.js';
import { identifyCaller, type IdentifyDeps } from '../../auth/identify-caller.js';
import type { SecurityEvents } from '../../auth/security-events.js';

/**
 * Protected operations (all but those the contract marks `security: []`) need a partner identity;
 * the result lands in `res.locals.ctx` (partner, actor) and `res.locals.caller`. Refusals are recorded
 * as security events before the 401/403 goes out.
 */
export function authenticate(
  deps: IdentifyDeps & { certificates: CertificateSourceConfig; events: SecurityEvents },
): RequestHandler {
  return async (req, res, next) => {
    if (res.locals.operation.public) return next();
    try {
      const caller = await identifyCaller(
        { certificateDer: clientCertificateOf(req, deps.certificates), authorization: req.get('authorization') },
        deps,
      );
      res.locals.caller = caller;
      res.locals.ctx.partnerId = caller.partner.id;
      res.locals.ctx.actor = caller.actor;
      next();
    } catch (err) {
      if (err instanceof AuthFailure) await deps.events.refused(err, res.locals.ctx);
      throw err;
    }
  };
}

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace Express {
    interface Locals {
      caller: import('../../auth/identify-caller.js').CallerIdentity;
    }
  }
}
