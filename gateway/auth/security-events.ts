import type { Logger } from 'pino';
import type { AuditRepository } from '../../adapters/store/audit-repository.js';
import type { Clock } from '../clock.js';
import type { AuthFailure } from './auth-failure.js';

export interface SecurityEvents {
  refused(failure: AuthFailure, context: { traceId?: string; operationId?: string }): Promise<void>;
}

/**
 * Every refusal becomes a log line and an audit row with the partner (when known) and the reason
 * code — never the token, key or certificate that was refused.
 */
export function securityEvents(logger: Logger, audit: AuditRepository, clock: Clock): SecurityEvents {
  return {
    async refused(failure, context) {
      logger.warn({
        msg: 'security event',
        event: 'refused',
        reason: failure.reason,
        partnerId: failure.partnerId,
        operationId: context.operationId,
        traceId: context.traceId,
      });
      try {
        await audit.record(
          { soort: 'beveiliging', reden: failure.reason, partnerId: failure.partnerId, traceId: context.traceId },
          clock.now(),
        );
      } catch {
        // The refusal stands even when the audit table cannot be written; the log line above remains.
        logger.error({ msg: 'security event not stored', reason: failure.reason });
      }
    },
  };
}
