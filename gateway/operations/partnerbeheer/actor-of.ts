import type { CallerIdentity } from '../../auth/identify-caller.js';

/** How the partner registry's audit trail names who made a change: `partner/actor`. */
export function actorOf(caller: CallerIdentity): string {
  return `${caller.partner.id}/${caller.actor.id}`;
}
