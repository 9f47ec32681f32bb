import { randomUUID } from 'node:crypto';
import type { DbClient } from './db-client.js';

export interface AuditEventInput {
  soort: string;
  reden: string;
  partnerId?: string;
  actor?: string;
  traceId?: string;
  /** JSON with ids only (e.g. `{"claimedIssuer": …}` for a refused, unverified credential). */
  details?: string;
}

/** Security and administrative events: ids and reason codes only, never content. */
export function auditRepository(db: DbClient) {
  return {
    async record(e: AuditEventInput, at: Date): Promise<void> {
      await db.auditEvent.create({ data: { id: randomUUID(), tijd: at, ...e } });
    },
    recent: (soort: string, take = 100) =>
      db.auditEvent.findMany({ where: { soort }, orderBy: { tijd: 'desc' }, take }),
  };
}

export type AuditRepository = ReturnType<typeof auditRepository>;
