import type { Repositories } from '../../../adapters/store/repositories.js';
import type { Caller } from '../../caller.js';

/** Every change to a request goes to the audit trail: ids and a reason code only, never content. */
export async function auditVerzoek(
  tx: Pick<Repositories, 'audit'>,
  caller: Caller,
  verzoekId: string,
  reden: string,
  at: Date,
  extra: Record<string, string> = {},
): Promise<void> {
  await tx.audit.record(
    {
      soort: 'rechtenverzoek',
      reden,
      partnerId: caller.partner.id,
      actor: caller.actor.id,
      details: JSON.stringify({ verzoek: verzoekId, ...extra }),
    },
    at,
  );
}
