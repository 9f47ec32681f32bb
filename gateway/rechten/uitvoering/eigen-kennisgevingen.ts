import type { KennisgevingRecord } from '../../../adapters/store/kennisgeving-repository.js';
import { DomainError } from '../../errors/domain-error.js';
import type { Caller, UseCaseDeps } from '../../use-case-deps.js';

export interface KennisgevingView {
  id: string;
  verzoekId: string;
  soort: string;
  items: string[];
  jws: string;
  aangemaaktOp: string;
  ontvangenOp?: string;
}

const view = (k: KennisgevingRecord): KennisgevingView => ({
  id: k.id,
  verzoekId: k.verzoekId,
  soort: k.soort,
  items: JSON.parse(k.itemIds) as string[],
  jws: k.jws,
  aangemaaktOp: k.aangemaaktOp.toISOString(),
  ...(k.ontvangenOp ? { ontvangenOp: k.ontvangenOp.toISOString() } : {}),
});

/** The caller's own notices, newest first (ids and codes only: no disclosure to log). */
export async function eigenKennisgevingen(deps: UseCaseDeps, caller: Caller): Promise<KennisgevingView[]> {
  return (await deps.store.kennisgevingen.of(caller.partner.id)).map(view);
}

/** Acknowledges one of the caller's own notices; another partner's answers the same 404 as a missing one. */
export async function bevestigKennisgeving(deps: UseCaseDeps, caller: Caller, id: string): Promise<KennisgevingView> {
  const k = await deps.store.kennisgevingen.acknowledge(id, caller.partner.id, deps.clock.now());
  if (!k) throw new DomainError('not-found', 'Deze kennisgeving bestaat niet.');
  return view(k);
}
