import type { Options, Store } from 'express-rate-limit';
import type { RateLimitCounter } from '../../../adapters/store/rate-limit-counter.js';
import type { Clock } from '../../clock.js';

/**
 * An express-rate-limit store over the database, so N gateway processes spend one budget per partner
 * (and per address) instead of N. Ended windows are pruned now and then by the request that counts.
 */
export function sharedRateLimitStore(counter: RateLimitCounter, clock: Clock, prefix: string): Store {
  let windowMs = 60_000;
  let counted = 0;
  const key = (k: string) => `${prefix}${k}`;
  return {
    localKeys: false,
    prefix,
    init(options: Options) {
      windowMs = options.windowMs;
    },
    async increment(k) {
      const now = clock.now().getTime();
      if (++counted % 1000 === 0) void counter.prune(now - windowMs).catch(() => undefined);
      const { hits, resetAtMs } = await counter.increment(key(k), windowMs, now);
      return { totalHits: hits, resetTime: new Date(resetAtMs) };
    },
    async get(k) {
      const c = await counter.get(key(k), clock.now().getTime());
      return c && { totalHits: c.hits, resetTime: new Date(c.resetAtMs) };
    },
    decrement: (k) => counter.decrement(key(k)),
    resetKey: (k) => counter.reset(key(k)),
  };
}
