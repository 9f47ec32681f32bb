import type { Logger } from 'pino';
import type { AuditRepository } from '../../adapters/store/audit-repository.js';
import type { Clock } from '../clock.js';
import type { AuthFailure } from './auth-failure.js';

export interface SecurityEvents {
  refused(failure: AuthFailure, context: { traceId?: string; operationId?: string }): Promise<void>;
}

/**
 * Every refusal becomes a log line and an audit row with the partner (when proven) and the reason
 * code — never the token, key or certificate that was refused. An unproven claimed issuer goes to
 * `details` as `claimedIssuer`, with the row's partner left empty.
 */
export function securityEvents(logger: Logger, audit: AuditRepository, clock: Clock): SecurityEvents {
  return {
    async refused(failure, context) {
      logger.warn({
        msg: 'security event',
        event: 'refused',
        reason: failure.reason,
        partnerId: failure.partnerId,
        claimedPartnerId: failure.claimedPartnerId,
        operationId: context.operationId,
        traceId: context.traceId,
      });
      try {
        await audit.record(
          {
            soort: 'beveiliging',
            reden: failure.reason,
            partnerId: failure.partnerId,
            traceId: context.traceId,
            // A claimed (unproven) issuer is kept apart from partnerId, so it never lands in that partner's trail.
            details: failure.claimedPartnerId
              ? JSON.stringify({ claimedIssuer: failure.claimedPartnerId.slice(0, 128), verified: false })
              : undefined,
          },
          clock.now(),
        );
      } catch {
        // The refusal stands even when the audit table cannot be written; the log line above remains.
        logger.error({ msg: 'security event not stored', reason: failure.reason });
      }
    },
  };
}
