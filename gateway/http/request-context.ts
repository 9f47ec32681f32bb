/** What the gateway knows about one request; lives in `res.locals.ctx`. */
export interface RequestContext {
  requestId: string;
  traceId: string;
  spanId: string;
  traceFlags: string;
  /** The contract operation this request matched, e.g. `getHealth`. */
  operationId?: string;
  /** The path template of that operation, e.g. `/casussen/{id}` — logged instead of the real path. */
  route?: string;
  /** The authenticated organisation, once authentication has run. */
  partnerId?: string;
  /** The employee acting inside that organisation (pseudonymous), when the token names one. */
  actor?: { id: string; rol: string };
}

declare global {
  // Express's own extension point for typed res.locals.
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace Express {
    interface Locals {
      ctx: RequestContext;
    }
  }
}
