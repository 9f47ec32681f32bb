import type { Response } from 'express';
import type { Caller } from '../caller.js';

/** The authenticated partner and actor of this request, as the use cases take them. */
export function callerOf(res: Response): Caller {
  const { partner, actor } = res.locals.caller;
  return { partner: { id: partner.id, soort: partner.soort }, actor };
}
