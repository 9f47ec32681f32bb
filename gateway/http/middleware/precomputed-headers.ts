import type { Request, RequestHandler, Response } from 'express';

type Step = { set: [string, string | number | readonly string[]] } | { remove: string };

/**
 * Runs a middleware that only sets fixed response headers (helmet with a static policy: no nonces)
 * once at start, records what it did, and replays that per request: one loop instead of a dozen
 * middleware calls, the same headers. When the middleware does anything else (reads the request,
 * answers, calls `next` later or with an error) it is used as it is.
 */
export function precomputedHeaders(middleware: RequestHandler): RequestHandler {
  const steps: Step[] = [];
  let other = false;
  const recorder = new Proxy({} as Response, {
    get(_t, prop) {
      if (prop === 'setHeader')
        return (name: string, value: string | number | readonly string[]) => steps.push({ set: [name, value] });
      if (prop === 'removeHeader') return (name: string) => steps.push({ remove: name });
      other = true;
      return undefined;
    },
  });
  const request = new Proxy({} as Request, {
    get() {
      other = true;
      return undefined;
    },
  });
  let nextCalls = 0;
  try {
    void middleware(request, recorder, (err?: unknown) => {
      nextCalls++;
      if (err !== undefined) other = true;
    });
  } catch {
    other = true;
  }
  if (other || nextCalls !== 1) return middleware;
  return (_req, res, next) => {
    for (const step of steps) {
      if ('set' in step) res.setHeader(step.set[0], step.set[1]);
      else res.removeHeader(step.remove);
    }
    next();
  };
}
