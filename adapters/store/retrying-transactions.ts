import type { Db } from './open-store.js';
import { isStoreUnavailable } from './store-unavailable.js';

export interface RetryPolicy {
  attempts: number;
  baseDelayMs: number;
}

const defaultPolicy: RetryPolicy = { attempts: 6, baseDelayMs: 20 };

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Retries an interactive transaction that could not *start* (the write lock or a pooled connection
 * stayed busy), with bounded exponential backoff and full jitter. A transaction whose callback already
 * ran is never retried: the callback may have had effects outside it (the ledger is its own connection).
 */
export function withTransactionRetry(db: Db, policy: RetryPolicy = defaultPolicy): Db {
  const original = db.$transaction.bind(db) as (arg: unknown, options?: unknown) => Promise<unknown>;
  const $transaction = async (arg: unknown, options?: unknown): Promise<unknown> => {
    if (typeof arg !== 'function') return original(arg, options);
    for (let attempt = 1; ; attempt++) {
      let started = false;
      try {
        return await original((tx: unknown) => {
          started = true;
          return (arg as (tx: unknown) => Promise<unknown>)(tx);
        }, options);
      } catch (err) {
        if (started || attempt >= policy.attempts || !isStoreUnavailable(err)) throw err;
        await sleep(Math.random() * policy.baseDelayMs * 2 ** attempt);
      }
    }
  };
  return new Proxy(db, {
    get(target, prop) {
      if (prop === '$transaction') return $transaction;
      const value: unknown = Reflect.get(target, prop, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}
