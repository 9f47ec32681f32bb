import type { AfspraakRecord, AgendapuntRecord } from '../../adapters/store/overleg-repository.js';
import { casusSleutel } from '../cases/casus-sleutel.js';
import { DomainError } from '../errors/domain-error.js';
import type { Caller, UseCaseDeps } from '../use-case-deps.js';

type Deps = Pick<UseCaseDeps, 'store' | 'dp'>;

/** Is this partner, now, invited for the item and still a participant of its casus? */
async function mayAttend(deps: Deps, punt: AgendapuntRecord, partnerId: string): Promise<boolean> {
  return (
    (JSON.parse(punt.genodigden) as string[]).includes(partnerId) &&
    (await deps.store.casussen.isDeelnemer(punt.casusId, partnerId))
  );
}

/**
 * A casusoverleg as the caller may see it. The ZVH (which keeps the agenda) sees every item with its
 * invitees, minutes and agreements. A partner sees only the items of casussen it is invited for and
 * takes part in — not the other casussen, their ids, their position on the agenda or how many there
 * are — and of those only the agreements it owns. A partner with no item sees a 404, as if there were no
 * meeting.
 */
export async function overlegView(deps: Deps, caller: Caller, overlegId: string) {
  const { store, dp } = deps;
  const overleg = await store.overleggen.findById(overlegId);
  if (!overleg) throw new DomainError('not-found', 'Dit casusoverleg bestaat niet.');
  const zvh = caller.partner.soort === 'zvh';
  const agenda = await store.overleggen.agenda(overlegId);
  const visible = zvh ? agenda : await filterAsync(agenda, (p) => mayAttend(deps, p, caller.partner.id));
  if (!zvh && visible.length === 0) throw new DomainError('not-found', 'Dit casusoverleg bestaat niet.');
  const afspraken = await store.overleggen.afsprakenOf(visible.map((p) => p.id));
  const agendapunten = [];
  for (const p of visible) {
    const key = await casusSleutel(store, dp, p.casusId);
    const own = afspraken.filter((a) => a.agendapuntId === p.id && (zvh || a.eigenaarPartnerId === caller.partner.id));
    const afspraakJson = (a: AfspraakRecord) => ({
      id: a.id,
      eigenaar: a.eigenaarPartnerId,
      tekst: dp.decrypt(key, a.tekst, `afspraak:${a.id}`),
      deadline: a.deadline?.toISOString() ?? null,
    });
    agendapunten.push({
      id: p.id,
      casus: p.casusId,
      ...(zvh
        ? {
            volgorde: p.volgorde,
            genodigden: JSON.parse(p.genodigden) as string[],
            notulen: p.notulen ? dp.decrypt(key, p.notulen, `notulen:${p.id}`) : null,
          }
        : {}),
      afspraken: own.map(afspraakJson),
    });
  }
  return {
    id: overleg.id,
    datum: overleg.datum.toISOString(),
    locatie: overleg.locatie,
    online: overleg.online,
    agendapunten,
  };
}

async function filterAsync<T>(xs: T[], keep: (x: T) => Promise<boolean>): Promise<T[]> {
  const kept = await Promise.all(xs.map(keep));
  return xs.filter((_, i) => kept[i]);
}
