import type { RequestHandler } from 'express';
import { AuthFailure } from '../../auth/auth-failure.js';
import type { ActorRole } from '../../auth/actor.js';
import type { SecurityEvents } from '../../auth/security-events.js';

/**
 * Lets only actors with one of `roles` through, and for ZVH-only functions only actors of the ZVH's
 * own partner entry. A certificate alone names no actor and so never passes.
 */
export function requireRole(
  events: SecurityEvents,
  roles: readonly ActorRole[],
  options: { zvhOnly?: boolean } = {},
): RequestHandler {
  return async (_req, res, next) => {
    const caller = res.locals.caller;
    const allowed = roles.includes(caller.actor.rol) && (!options.zvhOnly || caller.partner.soort === 'zvh');
    if (allowed) return next();
    const failure = new AuthFailure('role-not-allowed', caller.partner.id, 'forbidden');
    await events.refused(failure, res.locals.ctx);
    throw failure;
  };
}
