import type { RequestHandler } from 'express';
import { AuthFailure } from '../../auth/auth-failure.js';
import { clientCertificateOf, type CertificateSourceConfig } from '../../auth/client-certificate-source.js';
import { identifyCaller, partnerOfCertificate, type IdentifyDeps } from '../../auth/identify-caller.js';
import type { SecurityEvents } from '../../auth/security-events.js';

/**
 * Protected operations (all but those the contract marks `security: []`) need a partner identity;
 * the result lands in `res.locals.ctx` (partner, actor) and `res.locals.caller`. A refusal is recorded
 * as a security event and parked in `res.locals.authFailure`: the anonymous rate limit counts it
 * first, then `refuseUnauthenticated` answers 401/403.
 */
export function authenticate(
  deps: IdentifyDeps & { certificates: CertificateSourceConfig; events: SecurityEvents },
): RequestHandler {
  return async (req, res, next) => {
    if (res.locals.operation.public) {
      res.locals.certifiedPartnerId = await certifiedPartner(req, deps);
      return next();
    }
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
      if (!(err instanceof AuthFailure)) throw err;
      await deps.events.refused(err, res.locals.ctx);
      res.locals.authFailure = err;
      next();
    }
  };
}

/**
 * On a public operation (e.g. `POST /token`) a valid, registered client certificate still says whose
 * request this is, so it counts against that partner's budget rather than the address's anonymous one.
 * Any problem just leaves it anonymous: the operation itself decides about the certificate.
 */
async function certifiedPartner(
  req: Parameters<RequestHandler>[0],
  deps: IdentifyDeps & { certificates: CertificateSourceConfig },
): Promise<string | undefined> {
  try {
    const der = clientCertificateOf(req, deps.certificates);
    return der ? (await partnerOfCertificate(der, deps)).partner.id : undefined;
  } catch {
    return undefined;
  }
}

/** Answers the refusal `authenticate` parked, once the anonymous rate limit has counted the request. */
export const refuseUnauthenticated: RequestHandler = (_req, res, next) => {
  if (res.locals.authFailure) throw res.locals.authFailure;
  next();
};

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace Express {
    interface Locals {
      caller: import('../../auth/identify-caller.js').CallerIdentity;
      authFailure?: AuthFailure;
      /** On a public operation: the partner of a verified client certificate, for rate limiting only. */
      certifiedPartnerId?: string;
    }
  }
}
