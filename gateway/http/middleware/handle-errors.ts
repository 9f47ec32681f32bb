import { randomUUID } from 'node:crypto';
import type { ErrorRequestHandler } from 'express';
import type { Logger } from 'pino';
import { isStoreUnavailable } from '../../../adapters/store/store-unavailable.js';
import { DomainError } from '../../errors/domain-error.js';
import { stackFrames } from '../../logging/stack-frames.js';
import { sendProblem } from '../send-problem.js';
import { ContractViolation } from './validate-against-contract.js';

/** How long a caller should wait after a 503 before trying again. */
const RETRY_AFTER_SECONDS = 2;

/** A database that is busy, unreachable or timed out is a 503 (the request may succeed later), never a 500. */
function asDomainError(err: unknown): unknown {
  if (err instanceof DomainError || !isStoreUnavailable(err)) return err;
  return new DomainError('unavailable', 'database unavailable', { retryAfterSeconds: RETRY_AFTER_SECONDS });
}

/**
 * The last middleware: every error becomes a problem+json answer. Expected ones (DomainError) keep
 * their code; an unavailable database is a 503 with Retry-After; anything else is a 500 whose body
 * holds only a log id, logged here with that id.
 */
export function handleErrors(logger: Logger): ErrorRequestHandler {
  return (thrown: unknown, req, res, _next) => {
    const err = asDomainError(thrown);
    const logId = randomUUID();
    const ctx = res.locals.ctx;
    let domain: DomainError;
    if (err instanceof DomainError) {
      domain =
        err.code === 'unavailable' && err.extra.retryAfterSeconds === undefined
          ? new DomainError('unavailable', err.message, { ...err.extra, retryAfterSeconds: RETRY_AFTER_SECONDS })
          : err;
      if (domain.code === 'unavailable')
        logger.error({ msg: 'dependency unavailable', logId, requestId: ctx?.requestId, reason: err.message });
    } else {
      const e = err instanceof Error ? err : new Error('non-error thrown');
      logger.error({
        msg: e instanceof ContractViolation ? 'response violates the contract' : 'unexpected error',
        logId,
        requestId: ctx?.requestId,
        traceId: ctx?.traceId,
        operationId: ctx?.operationId,
        errorName: e.name,
        errorCode: (e as { code?: unknown }).code,
        violations: e instanceof ContractViolation ? e.violations : undefined,
        frames: stackFrames(e, 7),
      });
      domain = new DomainError('internal-error', 'unexpected');
    }
    if (res.headersSent) {
      res.destroy();
      return;
    }
    sendProblem(req, res, domain, logId);
  };
}
