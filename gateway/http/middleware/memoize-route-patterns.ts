import { createRequire } from 'node:module';

type PathToRegexp = (path: unknown, options?: Record<string, unknown>) => { regexp: RegExp; keys: unknown[] };

let installed = false;

/**
 * express-openapi-validator looks up each request's route by compiling every contract path with
 * `pathToRegexp` anew until one matches — on every request (4 % of a pull's CPU in the `BENCH_PROF`
 * profile, docs/scale.md). The function is pure for a string path and the two options it passes, and
 * the regexps it returns carry no `g`/`y` flag (no `lastIndex` state), so the compiled result is
 * remembered per (path, options). Other callers (Express's router compiles once per route) are unaffected.
 */
export function memoizeRoutePatterns(): void {
  if (installed) return;
  installed = true;
  // The copy the validator resolves, which need not be the one this file would.
  const fromValidator = createRequire(createRequire(import.meta.url).resolve('express-openapi-validator'));
  const module = fromValidator('path-to-regexp') as { pathToRegexp: PathToRegexp };
  const original = module.pathToRegexp;
  const cache = new Map<string, ReturnType<PathToRegexp>>();
  module.pathToRegexp = (path, options) => {
    const keys = options ? Object.keys(options) : [];
    if (typeof path !== 'string' || keys.some((k) => k !== 'sensitive' && k !== 'strict'))
      return original(path, options);
    const key = `${options?.sensitive === true ? 's' : '-'}${options?.strict === true ? 's' : '-'}${path}`;
    let hit = cache.get(key);
    if (!hit) {
      hit = original(path, options);
      if (hit.regexp.global || hit.regexp.sticky) return hit;
      // Bounded by the contract's paths; the guard only keeps a misuse from growing it without end.
      if (cache.size < 10_000) cache.set(key, hit);
    }
    return hit;
  };
}
