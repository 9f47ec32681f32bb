import { DomainError } from '../errors/domain-error.js';
import type { Caller, UseCaseDeps } from '../use-case-deps.js';
import { overlegView } from './overleg-view.js';

type Deps = Pick<UseCaseDeps, 'store' | 'dp' | 'clock'>;

/**
 * The next casusoverleg (today or later) a casus is on, as the caller may see it (see overlegView), or
 * null when none is planned. Only meetings whose item for this casus invites the caller count, so a
 * partner never learns of a meeting it is not invited to; the ZVH keeps the agenda and sees them all.
 * Someone who does not take part gets the 404 of a missing casus.
 */
export async function volgendOverleg(deps: Deps, caller: Caller, casusId: string) {
  const { store } = deps;
  if (!(await store.casussen.findParticipating(casusId, caller.partner.id)))
    throw new DomainError('not-found', 'Deze casus bestaat niet.');
  const zvh = caller.partner.soort === 'zvh';
  const punten = (await store.overleggen.agendapuntenOf(casusId)).filter(
    (p) => zvh || (JSON.parse(p.genodigden) as string[]).includes(caller.partner.id),
  );
  const vandaag = new Date(deps.clock.now());
  vandaag.setUTCHours(0, 0, 0, 0);
  const overleggen = await Promise.all([...new Set(punten.map((p) => p.overlegId))].map(store.overleggen.findById));
  const volgend = overleggen
    .filter((o) => o !== null && o.datum >= vandaag)
    .sort((a, b) => a!.datum.getTime() - b!.datum.getTime())[0];
  return volgend ? overlegView(deps, caller, volgend.id) : null;
}
