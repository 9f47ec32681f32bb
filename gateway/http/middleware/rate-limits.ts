import { createHash } from 'node:crypto';
import type { Request, RequestHandler, Response } from 'express';
import { ipKeyGenerator, rateLimit } from 'express-rate-limit';
import { clientCertificateOf, type CertificateSourceConfig } from '../../auth/client-certificate-source.js';
import { DomainError } from '../../errors/domain-error.js';

function limited(req: Request): DomainError {
  const reset = (req as Request & { rateLimit?: { resetTime?: Date } }).rateLimit?.resetTime;
  const retryAfterSeconds = reset ? Math.max(1, Math.ceil((reset.getTime() - Date.now()) / 1000)) : 60;
  return new DomainError('rate-limited', 'Wacht tot het venster voorbij is (zie Retry-After).', { retryAfterSeconds });
}

/**
 * Per-partner limit (express-rate-limit, fixed one-minute window, in memory per process), applied after
 * authentication so one partner's batch cannot starve another's. Only authenticated requests count here:
 * anonymous traffic has its own budget (below) and can never use up a partner's.
 */
export function partnerRateLimit(perMinute: number): RequestHandler {
  return rateLimit({
    windowMs: 60_000,
    limit: perMinute,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    keyGenerator: (_req, res) => `partner:${res.locals.ctx.partnerId}`,
    skip: (_req, res) => res.locals.caller === undefined,
    handler: (req, _res, next) => next(limited(req)),
  });
}

/**
 * The key of a request nobody has authenticated (a public operation or a failed login): the client
 * certificate it presents when there is one — its holder proved the private key in the handshake (or our
 * trusted proxy did), so each certificate holder has a budget of its own, e.g. for `POST /token` — and
 * otherwise the peer address.
 */
function anonymousKey(req: Request, certificates: CertificateSourceConfig): string {
  try {
    const der = clientCertificateOf(req, certificates);
    if (der) return `cert:${createHash('sha256').update(der).digest('base64url')}`;
  } catch {
    // An untrusted forwarded certificate: count it against the address.
  }
  return `ip:${ipKeyGenerator(req.socket.remoteAddress ?? 'unknown')}`;
}

/**
 * Limit for requests without an authenticated partner (public operations and refused credentials):
 * ten times the partner limit per address (or presented certificate), so it only stops floods and
 * credential probing. Authenticated requests skip it: a flood from an address shared with partners (a
 * proxy, a NAT) cannot lock those partners out.
 */
export function anonymousRateLimit(perMinute: number, certificates: CertificateSourceConfig): RequestHandler {
  return rateLimit({
    windowMs: 60_000,
    limit: perMinute * 10,
    standardHeaders: false,
    legacyHeaders: false,
    keyGenerator: (req) => anonymousKey(req, certificates),
    skip: (_req, res: Response) => res.locals.caller !== undefined,
    handler: (req, _res, next) => next(limited(req)),
  });
}
