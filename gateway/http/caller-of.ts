import type { CallerIdentity } from '../auth/identify-caller.js';
import type { Caller } from '../caller.js';

/** The authenticated partner and actor of this request, as the use cases take them. */
export function callerOf(caller: CallerIdentity): Caller {
  const { partner, actor } = caller;
  return { partner: { id: partner.id, soort: partner.soort }, actor };
}
