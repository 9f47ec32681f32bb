import { AuthFailure } from '../../auth/auth-failure.js';
import type { CallerIdentity } from '../../auth/identify-caller.js';
import type { SecurityEvents } from '../../auth/security-events.js';
import type { RoleRequirement } from '../../operations/operation.js';
import type { RequestContext } from '../request-context.js';

/**
 * Lets only actors with one of the operation's roles through, and for ZVH-only functions only actors
 * of the ZVH's own partner entry. A certificate alone names no actor and so never passes. A refusal
 * is recorded as a security event before the 403.
 */
export async function requireRole(
  events: SecurityEvents,
  requirement: RoleRequirement,
  caller: CallerIdentity,
  ctx: RequestContext,
): Promise<void> {
  const allowed =
    requirement.roles.includes(caller.actor.rol) && (!requirement.zvhOnly || caller.partner.soort === 'zvh');
  if (allowed) return;
  const failure = new AuthFailure('role-not-allowed', caller.partner.id, 'forbidden');
  await events.refused(failure, ctx);
  throw failure;
}
