import { randomUUID } from 'node:crypto';
import { DomainError } from '../errors/domain-error.js';
import type { Caller, UseCaseDeps } from '../use-case-deps.js';

type Deps = Pick<UseCaseDeps, 'store' | 'clock' | 'meldingen'>;

/** The procesregisseur schedules a casusoverleg (a room or online; no agenda yet). */
export async function planOverleg(
  deps: Deps,
  caller: Caller,
  vraag: { datum: string; locatie?: string; online?: boolean },
) {
  const row = {
    id: randomUUID(),
    datum: new Date(vraag.datum),
    locatie: vraag.locatie ?? null,
    online: vraag.online ?? false,
    door: `${caller.partner.id}/${caller.actor.id}`,
    aangemaaktOp: deps.clock.now(),
  };
  await deps.store.overleggen.create(row);
  return { id: row.id, datum: row.datum.toISOString(), locatie: row.locatie, online: row.online };
}

/**
 * Puts a casus on the agenda, with the partners invited for that item: each must take part in the
 * casus (need-to-know). Each hears of it through a melding that names only the meeting and the item.
 */
export async function addAgendapunt(deps: Deps, overlegId: string, vraag: { casus: string; genodigden: string[] }) {
  const { store } = deps;
  const overleg = await store.overleggen.findById(overlegId);
  if (!overleg) throw new DomainError('not-found', 'Dit casusoverleg bestaat niet.');
  if (!(await store.casussen.findById(vraag.casus)))
    throw new DomainError('invalid-request', 'Deze casus bestaat niet.', {
      invalidParams: [{ name: '/casus', reason: 'onbekend' }],
    });
  const genodigden = [...new Set(vraag.genodigden)];
  for (const [i, partnerId] of genodigden.entries())
    if (!(await store.casussen.isDeelnemer(vraag.casus, partnerId)))
      throw new DomainError('invalid-request', `${partnerId} neemt niet deel aan deze casus.`, {
        invalidParams: [{ name: `/genodigden/${i}`, reason: 'geen deelnemer' }],
      });
  if ((await store.overleggen.agenda(overlegId)).some((a) => a.casusId === vraag.casus))
    throw new DomainError('conflict', 'Deze casus staat al op de agenda.');
  const punt = await store.transaction(async (tx) => {
    const p = await tx.overleggen.addAgendapunt({
      id: randomUUID(),
      overlegId,
      casusId: vraag.casus,
      genodigden: JSON.stringify(genodigden),
    });
    for (const partnerId of genodigden)
      await deps.meldingen.plaats(
        {
          partnerId,
          soort: 'agenda',
          casusId: vraag.casus,
          data: { overleg: overlegId, agendapunt: p.id, datum: overleg.datum.toISOString() },
        },
        tx,
      );
    return p;
  });
  return { id: punt.id, overleg: overlegId, casus: punt.casusId, genodigden };
}
