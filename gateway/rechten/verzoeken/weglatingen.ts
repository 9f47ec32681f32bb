import { randomUUID } from 'node:crypto';
import type { Caller } from '../../caller.js';
import { DomainError } from '../../errors/domain-error.js';
import type { UseCaseDeps } from '../../use-case-deps.js';
import { weigeringsgrond } from '../weigeringsgronden.js';
import { auditVerzoek } from './audit-verzoek.js';
import { isAfgesloten } from './levenscyclus.js';
import { persoonVanVerzoek } from './persoon-van-verzoek.js';
import { vindVerzoek } from './vind-verzoek.js';
import { verzoekTekst } from './verzoek-tekst.js';

export interface NieuweWeglating {
  item: string;
  grond: string;
  vermelden?: boolean;
  toelichting?: string;
}

function nietAfgesloten(status: string): void {
  if (isAfgesloten(status))
    throw new DomainError('conflict', `Het verzoek is ${status}: weglatingen kunnen niet meer veranderen.`);
}

/**
 * Withholds one item from the answer on a ground. The item must concern the request's person (any of
 * its records); an item of someone else answers as an unknown item, so the call cannot probe items.
 */
export async function voegWeglatingToe(
  deps: UseCaseDeps,
  caller: Caller,
  verzoekId: string,
  w: NieuweWeglating,
): Promise<{ id: string }> {
  const r = await vindVerzoek(deps.store, { alles: true }, verzoekId);
  nietAfgesloten(r.status);
  const grond = weigeringsgrond(w.grond);
  if (!grond || ('geheelVerzoek' in grond && grond.geheelVerzoek))
    throw new DomainError('invalid-request', 'Onbekende weigeringsgrond voor een gegeven.', {
      invalidParams: [{ name: '/grond', reason: 'geen weigeringsgrond voor een enkel gegeven' }],
    });
  const persoon = await persoonVanVerzoek(deps.store, r.bsnPseudoniem);
  const item = await deps.store.rechtenverzoeken.item(w.item);
  if (!item?.betrokkeneId || !persoon.betrokkenen.includes(item.betrokkeneId))
    throw new DomainError('invalid-request', 'Dit gegeven hoort niet bij de persoon van dit verzoek.', {
      invalidParams: [{ name: '/item', reason: 'geen gegeven over de persoon van dit verzoek' }],
    });
  const id = randomUUID();
  const now = deps.clock.now();
  const tekst = verzoekTekst(deps.dp, r.id, r.dataSleutel);
  await deps.store.transaction(async (tx) => {
    // Touching the request row serialises history numbers and fails if it was closed in the meantime.
    if (!(await tx.rechtenverzoeken.update(verzoekId, r.status, { status: r.status })))
      throw new DomainError('conflict', 'Het verzoek is intussen gewijzigd; probeer het opnieuw.');
    await tx.rechtenverzoeken.addWeglating({
      id,
      verzoekId,
      itemId: w.item,
      grond: grond.code,
      vermelden: w.vermelden ?? grond.vermelden,
      toelichtingVersleuteld: tekst.sluit(w.toelichting, `weglating:${id}`),
      door: `${caller.partner.id}/${caller.actor.id}`,
      op: now,
      ingetrokkenOp: null,
    });
    await tx.rechtenverzoeken.appendGebeurtenis(verzoekId, {
      soort: 'weglating',
      vanStatus: null,
      naarStatus: null,
      doorPartner: caller.partner.id,
      doorActor: caller.actor.id,
      op: now,
      redenVersleuteld: tekst.sluit(`${grond.code} ${w.item}`, 'gebeurtenis'),
    });
    await auditVerzoek(tx, caller, verzoekId, 'weglating-toegevoegd', now, { weglating: id });
  });
  return { id };
}

/** Withdraws a withholding, with a reason; the row and the history stay. */
export async function trekWeglatingIn(
  deps: UseCaseDeps,
  caller: Caller,
  verzoekId: string,
  weglatingId: string,
  reden: string,
): Promise<void> {
  const r = await vindVerzoek(deps.store, { alles: true }, verzoekId);
  nietAfgesloten(r.status);
  const now = deps.clock.now();
  const tekst = verzoekTekst(deps.dp, r.id, r.dataSleutel);
  await deps.store.transaction(async (tx) => {
    // Touching the request row serialises history numbers and fails if it was closed in the meantime.
    if (!(await tx.rechtenverzoeken.update(verzoekId, r.status, { status: r.status })))
      throw new DomainError('conflict', 'Het verzoek is intussen gewijzigd; probeer het opnieuw.');
    if (!(await tx.rechtenverzoeken.withdrawWeglating(verzoekId, weglatingId, now)))
      throw new DomainError('not-found', 'Weglating niet gevonden.');
    await tx.rechtenverzoeken.appendGebeurtenis(verzoekId, {
      soort: 'weglating-ingetrokken',
      vanStatus: null,
      naarStatus: null,
      doorPartner: caller.partner.id,
      doorActor: caller.actor.id,
      op: now,
      redenVersleuteld: tekst.sluit(reden, 'gebeurtenis'),
    });
    await auditVerzoek(tx, caller, verzoekId, 'weglating-ingetrokken', now, { weglating: weglatingId });
  });
}
