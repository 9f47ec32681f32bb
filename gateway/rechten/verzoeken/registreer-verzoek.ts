import { randomUUID } from 'node:crypto';
import type { Caller } from '../../caller.js';
import { DomainError } from '../../errors/domain-error.js';
import { isValidBsn } from '../../intake/bsn.js';
import type { UseCaseDeps } from '../../use-case-deps.js';
import { berekenTermijnen } from '../termijnen/bereken-termijnen.js';
import { amsterdamDatum } from '../termijnen/kalender.js';
import type { VerzoekSoort } from '../termijnen/regimes.js';
import { persoonVanVerzoek } from './persoon-van-verzoek.js';
import { verzoekTekst } from './verzoek-tekst.js';
import { auditVerzoek } from './audit-verzoek.js';

export interface NieuwVerzoek {
  soort: VerzoekSoort;
  bsn: string;
  identiteit: { methode: string; door?: string; op?: string };
  ontvangstdatum?: string;
  toelichting?: string;
  rectificatie?: { items: string[]; gewensteCorrectie: string };
}

function checkInput(v: NieuwVerzoek, vandaag: string, now: Date): void {
  const problems = [];
  if (!isValidBsn(v.bsn)) problems.push({ name: '/bsn', reason: 'geen geldig BSN (elfproef)' });
  if (v.ontvangstdatum && v.ontvangstdatum > vandaag)
    problems.push({ name: '/ontvangstdatum', reason: 'ligt in de toekomst' });
  // The history records when the identity was checked: a check that has not happened yet is no check.
  if (v.identiteit.op && new Date(v.identiteit.op) > now)
    problems.push({ name: '/identiteit/op', reason: 'ligt in de toekomst' });
  if (v.rectificatie && v.soort !== 'rectificatie')
    problems.push({ name: '/rectificatie', reason: 'alleen bij een verzoek om rectificatie' });
  if (problems.length > 0)
    throw new DomainError('invalid-request', 'Het verzoek is niet geldig.', { invalidParams: problems });
}

/**
 * Registers a subject-rights request. The BSN is matched through its keyed pseudonym and only the
 * pseudonym is stored; an unknown person is registered all the same (the answer will be "no data").
 * The deadline is computed from the regimes of the partners whose items concern the person.
 */
export async function registreerVerzoek(deps: UseCaseDeps, caller: Caller, v: NieuwVerzoek): Promise<{ id: string }> {
  const now = deps.clock.now();
  const vandaag = amsterdamDatum(now);
  checkInput(v, vandaag, now);
  const id = randomUUID();
  const bsnPseudoniem = deps.dp.bsnPseudonym(v.bsn);
  const persoon = await persoonVanVerzoek(deps.store, bsnPseudoniem);
  const ontvangstdatum = v.ontvangstdatum ?? vandaag;
  const termijn = berekenTermijnen({ ontvangen: ontvangstdatum, soort: v.soort, regimes: persoon.regimes });
  const { wrapped } = deps.dp.newDataKey();
  const tekst = verzoekTekst(deps.dp, id, wrapped);
  await deps.store.transaction(async (tx) => {
    await tx.rechtenverzoeken.create({
      id,
      soort: v.soort,
      bsnPseudoniem,
      status: 'ontvangen',
      geregistreerdOp: now,
      ontvangstdatum,
      uiterlijkOp: termijn.uiterlijk,
      bepalendRegime: termijn.bepalendRegime,
      regimes: JSON.stringify(persoon.regimes),
      bronPartners: JSON.stringify(persoon.bronPartners),
      verlengingMaanden: 0,
      geregistreerdDoorPartner: caller.partner.id,
      geregistreerdDoorActor: caller.actor.id,
      identiteitMethode: v.identiteit.methode,
      identiteitDoor: v.identiteit.door ?? caller.actor.id,
      identiteitOp: v.identiteit.op ? new Date(v.identiteit.op) : now,
      behandelaar: null,
      dataSleutel: wrapped,
      toelichtingVersleuteld: tekst.sluit(v.toelichting, 'toelichting'),
      rectificatieVersleuteld: v.rectificatie ? tekst.sluit(JSON.stringify(v.rectificatie), 'rectificatie') : null,
      uitkomstCode: null,
      uitkomstVersleuteld: null,
      afgeslotenOp: null,
    });
    await tx.rechtenverzoeken.appendGebeurtenis(id, {
      soort: 'registratie',
      vanStatus: null,
      naarStatus: 'ontvangen',
      doorPartner: caller.partner.id,
      doorActor: caller.actor.id,
      op: now,
      redenVersleuteld: null,
    });
    await auditVerzoek(tx, caller, id, 'geregistreerd', now);
  });
  return { id };
}
