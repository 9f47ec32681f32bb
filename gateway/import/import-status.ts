import type { ImportTaakRecord } from '../../adapters/store/import-repository.js';
import type { Caller } from '../caller.js';
import { DomainError } from '../errors/domain-error.js';
import type { ImportReport } from '../intake/import-file.js';
import type { UseCaseDeps } from '../use-case-deps.js';
import { decryptRapport } from './import-taak.js';

/** The caller's own task; another partner's is the same 404 as a missing one. */
async function ownTaak(deps: UseCaseDeps, caller: Caller, id: string): Promise<ImportTaakRecord> {
  const taak = await deps.store.importen.findOwn(id, caller.partner.id);
  if (!taak) throw new DomainError('not-found', 'Geen import met dit id');
  return taak;
}

/** Status and progress counts: no content. */
export async function importStatus(deps: UseCaseDeps, caller: Caller, id: string) {
  const t = await ownTaak(deps, caller, id);
  return {
    id: t.id,
    status: t.status,
    profiel: t.profiel,
    rijen: t.rijen,
    verwerkt: t.verwerkt,
    aangemaakt: t.aangemaakt,
    alEerderGeimporteerd: t.bijgewerkt,
    geweigerd: t.geweigerd,
    ...(t.fout ? { fout: t.fout } : {}),
    aangemaaktOp: t.aangemaaktOp.toISOString(),
  };
}

/** The report once the task is done (409 before). */
export async function importRapport(deps: UseCaseDeps, caller: Caller, id: string): Promise<ImportReport> {
  const t = await ownTaak(deps, caller, id);
  if (t.status !== 'klaar' || !t.rapport) throw new DomainError('conflict', `De import is ${t.status}`);
  return decryptRapport(deps, t);
}
