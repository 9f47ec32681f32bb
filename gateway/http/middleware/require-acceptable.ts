import type { RequestHandler } from 'express';
import { DomainError } from '../../errors/domain-error.js';

/**
 * 406 when the Accept header rules out everything the operation offers. Problem details are always
 * allowed as a fallback, so an error can still be reported to such a client.
 */
export function requireAcceptable(): RequestHandler {
  return (req, res, next) => {
    const offers = res.locals.operation.produces.length > 0 ? res.locals.operation.produces : ['application/json'];
    if (!req.get('accept') || req.accepts(offers)) return next();
    throw new DomainError('not-acceptable', `Deze operatie levert ${offers.join(', ')}.`);
  };
}
