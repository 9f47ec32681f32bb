import type { Caller, UseCaseDeps } from '../use-case-deps.js';

/**
 * The open signals: a procesregisseur sees every one; the ketenmanager only those escalated to it.
 * Ids and codes only.
 */
export async function listCasusSignalen(deps: Pick<UseCaseDeps, 'store'>, caller: Caller) {
  const rows = await deps.store.plan.openSignalen(caller.actor.rol === 'ketenmanager');
  return {
    signalen: rows.map((s) => ({
      id: s.id,
      casus: s.casusId,
      soort: s.soort,
      onderwerp: s.onderwerp,
      opgeworpenOp: s.opgeworpenOp.toISOString(),
      geescaleerdOp: s.geescaleerdOp?.toISOString() ?? null,
    })),
  };
}
