import type { Request, RequestHandler, Response } from 'express';
import { ipKeyGenerator, rateLimit, type Store } from 'express-rate-limit';
import { DomainError } from '../../errors/domain-error.js';

function limited(req: Request): DomainError {
  const reset = (req as Request & { rateLimit?: { resetTime?: Date } }).rateLimit?.resetTime;
  const retryAfterSeconds = reset ? Math.max(1, Math.ceil((reset.getTime() - Date.now()) / 1000)) : 60;
  return new DomainError('rate-limited', 'Wacht tot het venster voorbij is (zie Retry-After).', { retryAfterSeconds });
}

/**
 * Per-partner limit (express-rate-limit, fixed one-minute window; in memory with one process, in the
 * database when given a shared `store` so N processes spend one budget), applied after
 * authentication so one partner's batch cannot starve another's. Only authenticated requests count here:
 * anonymous traffic has its own budget (below) and can never use up a partner's.
 */
export function partnerRateLimit(perMinute: number, store?: Store): RequestHandler {
  return skippedAtOnce((_req, res) => partnerOf(res) === undefined, {
    ...(store && { store }),
    windowMs: 60_000,
    limit: perMinute,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    keyGenerator: (_req, res) => `partner:${partnerOf(res)}`,
    handler: (req, _res, next) => next(limited(req)),
  });
}

/**
 * express-rate-limit with `skip`, but a request it skips passes on at once: the library asks `skip`
 * only after entering its async chain (and reading `req.ip`); the library took 4 % of a pull's and 8 %
 * of a health check's CPU in the `BENCH_PROF` profile (docs/scale.md), and each limiter skips about
 * half of all requests.
 * Asking first is the same decision; a request it does not skip takes the library's whole path.
 */
function skippedAtOnce(skip: (req: Request, res: Response) => boolean, options: Parameters<typeof rateLimit>[0]) {
  const limiter = rateLimit({ ...options, skip });
  const handler: RequestHandler = (req, res, next) => (skip(req, res) ? next() : limiter(req, res, next));
  return handler;
}

/** The partner a request is counted against: authenticated, or a verified certificate on a public operation. */
function partnerOf(res: Response): string | undefined {
  return res.locals.caller ? res.locals.caller.partner.id : res.locals.certifiedPartnerId;
}

/**
 * Limit for requests without a known partner (public operations without a valid registered
 * certificate, refused credentials): ten times the partner limit per address, so it only stops floods
 * and credential probing. Requests of a known partner skip it: a flood from an address shared with
 * partners (a proxy, a NAT) cannot lock those partners out. Unverified certificates do not buy a budget
 * of their own: anyone can make new ones.
 */
export function anonymousRateLimit(perMinute: number, store?: Store): RequestHandler {
  return skippedAtOnce((_req, res) => partnerOf(res) !== undefined, {
    ...(store && { store }),
    windowMs: 60_000,
    limit: perMinute * 10,
    standardHeaders: false,
    legacyHeaders: false,
    keyGenerator: (req) => `ip:${ipKeyGenerator(req.socket.remoteAddress ?? 'unknown')}`,
    handler: (req, _res, next) => next(limited(req)),
  });
}
