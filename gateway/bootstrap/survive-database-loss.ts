import type { Logger } from 'pino';
import { isStoreUnavailable } from '../../adapters/store/store-unavailable.js';
import { stackFrames } from '../logging/stack-frames.js';

/**
 * A database that goes away (restart, failover) must cost requests a 503, never the process: a driver
 * promise nobody awaits any more (a commit whose caller already gave up, a connection's late error)
 * would otherwise end it as an unhandled rejection. Only store-unavailable errors are kept alive and
 * logged (name and frames, no message: it may quote data); anything else still ends the process as Node would.
 */
export function surviveDatabaseLoss(logger: Logger): void {
  process.on('unhandledRejection', (reason) => {
    if (!isStoreUnavailable(reason)) throw reason;
    const err = reason as Error;
    logger.warn({
      msg: 'database unavailable outside a request (ignored)',
      errorName: err.name,
      frames: stackFrames(err, 5),
    });
  });
}
