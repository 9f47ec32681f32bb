import type { Caller } from '../../caller.js';
import { DomainError } from '../../errors/domain-error.js';
import type { UseCaseDeps } from '../../use-case-deps.js';
import { auditVerzoek } from './audit-verzoek.js';
import { persoonVanVerzoek } from './persoon-van-verzoek.js';
import { vindVerzoek } from './vind-verzoek.js';
import { termijnVan } from './verzoek-termijn.js';

/**
 * Recomputes which partners' data concern the person and so which regimes, and the deadline from them:
 * data may have arrived, or records been linked, since registration.
 */
export async function herberekenTermijn(deps: UseCaseDeps, caller: Caller, id: string): Promise<void> {
  const r = await vindVerzoek(deps.store, { alles: true }, id);
  const persoon = await persoonVanVerzoek(deps.store, r.bsnPseudoniem);
  const regimes = JSON.stringify(persoon.regimes);
  const termijn = termijnVan({ ...r, regimes });
  const now = deps.clock.now();
  await deps.store.transaction(async (tx) => {
    const ok = await tx.rechtenverzoeken.update(id, r.status, {
      regimes,
      bronPartners: JSON.stringify(persoon.bronPartners),
      uiterlijkOp: termijn.uiterlijk,
      bepalendRegime: termijn.bepalendRegime,
    });
    if (!ok) throw new DomainError('conflict', 'Het verzoek is intussen gewijzigd; probeer het opnieuw.');
    await auditVerzoek(tx, caller, id, 'termijn-herberekend', now);
  });
}
