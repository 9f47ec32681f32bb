import { randomUUID } from 'node:crypto';
import { DomainError } from '../errors/domain-error.js';
import type { Caller, UseCaseDeps } from '../use-case-deps.js';

type Deps = Pick<UseCaseDeps, 'store' | 'clock' | 'meldingen'>;

/**
 * The procesregisseur invites a partner into a casus: from then on it is a participant (need-to-know),
 * for the reason recorded. An occasional (incidentele) partner takes part in one casus only: while it
 * does so elsewhere it cannot be invited incidentally here too.
 */
export async function nodigUit(
  deps: Deps,
  caller: Caller,
  casusId: string,
  vraag: { partner: string; rol: 'deelnemer' | 'incidenteel'; reden: string },
) {
  const { store } = deps;
  const op = deps.clock.now();
  const [casus, partner] = await Promise.all([
    store.casussen.findById(casusId),
    store.partners.findById(vraag.partner),
  ]);
  if (!casus) throw new DomainError('not-found', 'Deze casus bestaat niet.');
  if (!partner || partner.status !== 'actief')
    throw new DomainError('invalid-request', `Geen actieve partner ${vraag.partner}.`, {
      invalidParams: [{ name: '/partner', reason: 'onbekend of geschorst' }],
    });
  if (casus.status === 'afgesloten') throw new DomainError('conflict', 'Deze casus is afgesloten.');
  if (await store.casussen.isDeelnemer(casusId, vraag.partner))
    throw new DomainError('conflict', `${vraag.partner} neemt al deel.`);
  if (vraag.rol === 'incidenteel' && (await store.levensloop.incidenteelElders(vraag.partner, casusId)).length)
    throw new DomainError('conflict', `${vraag.partner} neemt al incidenteel deel aan een andere casus.`);
  const door = `${caller.partner.id}/${caller.actor.id}`;
  await store.transaction(async (tx) => {
    await tx.casussen.addDeelnemer(casusId, vraag.partner, vraag.rol, op);
    await tx.levensloop.recordDeelname({
      id: randomUUID(),
      casusId,
      partnerId: vraag.partner,
      soort: 'uitgenodigd',
      rol: vraag.rol,
      reden: vraag.reden,
      door,
      op,
    });
    await tx.audit.record(
      {
        soort: 'deelname',
        reden: `${vraag.partner}:${vraag.rol}`,
        partnerId: caller.partner.id,
        actor: caller.actor.id,
      },
      op,
    );
    await deps.meldingen.plaats(
      { partnerId: vraag.partner, soort: 'uitnodiging', casusId, data: { rol: vraag.rol } },
      tx,
    );
  });
  return { casus: casusId, partner: vraag.partner, rol: vraag.rol };
}

/**
 * Ends a partner's participation, with a reason. Its row goes in the same unit of work, and every
 * participation check reads that row (no cache), so its next pull is refused. The referrer and the ZVH
 * itself stay: the casus is theirs.
 */
export async function beeindigDeelname(deps: Deps, caller: Caller, casusId: string, partnerId: string, reden: string) {
  const { store } = deps;
  const casus = await store.casussen.findById(casusId);
  if (!casus) throw new DomainError('not-found', 'Deze casus bestaat niet.');
  const rol = await store.levensloop.rolOf(casusId, partnerId);
  if (!rol) throw new DomainError('not-found', `${partnerId} neemt niet deel aan deze casus.`);
  if (rol === 'aanmelder' || rol === 'zvh' || partnerId === caller.partner.id || partnerId === casus.aanmelderId)
    throw new DomainError('conflict', 'De aanmelder en het Zorg- en Veiligheidshuis blijven deelnemen.');
  const op = deps.clock.now();
  await store.transaction(async (tx) => {
    if (!(await tx.levensloop.removeDeelnemer(casusId, partnerId)))
      throw new DomainError('not-found', `${partnerId} neemt niet deel aan deze casus.`);
    const door = `${caller.partner.id}/${caller.actor.id}`;
    await tx.levensloop.recordDeelname({
      id: randomUUID(),
      casusId,
      partnerId,
      soort: 'beeindigd',
      rol,
      reden,
      door,
      op,
    });
    await tx.audit.record(
      { soort: 'deelname-beeindigd', reden: partnerId, partnerId: caller.partner.id, actor: caller.actor.id },
      op,
    );
    await deps.meldingen.plaats({ partnerId, soort: 'deelname-beeindigd', casusId, data: { rol } }, tx);
  });
  return { casus: casusId, partner: partnerId, rol, beeindigdOp: op.toISOString() };
}
