import type { Request, RequestHandler } from 'express';
import { ipKeyGenerator, rateLimit } from 'express-rate-limit';
import { DomainError } from '../../errors/domain-error.js';

function limited(req: Request): DomainError {
  const reset = (req as Request & { rateLimit?: { resetTime?: Date } }).rateLimit?.resetTime;
  const retryAfterSeconds = reset ? Math.max(1, Math.ceil((reset.getTime() - Date.now()) / 1000)) : 60;
  return new DomainError('rate-limited', 'Wacht tot het venster voorbij is (zie Retry-After).', { retryAfterSeconds });
}

/**
 * Per-partner limit (express-rate-limit, fixed one-minute window, in memory per process), applied after
 * authentication so one partner's batch cannot starve another's.
 */
export function partnerRateLimit(perMinute: number): RequestHandler {
  return rateLimit({
    windowMs: 60_000,
    limit: perMinute,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    keyGenerator: (_req, res) => `partner:${res.locals.ctx.partnerId ?? 'anoniem'}`,
    skip: (_req, res) => res.locals.operation?.public === true,
    handler: (req, _res, next) => next(limited(req)),
  });
}

/**
 * Per-address limit for everything before authentication (public operations, failed logins): ten
 * times the partner limit, so it only stops floods and credential probing.
 */
export function addressRateLimit(perMinute: number): RequestHandler {
  return rateLimit({
    windowMs: 60_000,
    limit: perMinute * 10,
    standardHeaders: false,
    legacyHeaders: false,
    keyGenerator: (req) => `ip:${ipKeyGenerator(req.socket.remoteAddress ?? 'unknown')}`,
    handler: (req, _res, next) => next(limited(req)),
  });
}
