import { randomUUID } from 'node:crypto';
import type { Db } from '../../adapters/store/open-store.js';
import type { Clock } from '../clock.js';
import { DomainError } from '../errors/domain-error.js';
import type { Caller } from './intake-deps.js';
import { canonical } from './link-betrokkenen.js';
import { evaluateTriage, type TriageFacts, type Voorstel } from './triage-criteria.js';

/** Gathers the facts the criteria need from everything known about the casus (and its linked persons). */
async function factsOf(db: Db, casusId: string): Promise<TriageFacts> {
  const casus = await db.casus.findUnique({ where: { id: casusId } });
  if (!casus) throw new DomainError('not-found', 'Deze casus bestaat niet.');
  const [links, items, deelnemers] = await Promise.all([
    db.casusBetrokkene.findMany({ where: { casusId }, select: { betrokkeneId: true } }),
    db.informatieItem.findMany({ where: { casusId }, select: { categorie: true, leefgebied: true, bronPartnerId: true } }),
    db.casusDeelnemer.findMany({ where: { casusId }, select: { partnerId: true } }),
  ]);
  const persons = [...new Set(await Promise.all(links.map((l) => canonical(db as never, l.betrokkeneId))))];
  const relaties = await db.systeemRelatie.count({ where: { OR: [{ vanId: { in: persons } }, { naarId: { in: persons } }] } });
  const partnerIds = [...new Set([...deelnemers.map((d) => d.partnerId), ...items.map((i) => i.bronPartnerId)])];
  const soorten = (await db.partner.findMany({ where: { id: { in: partnerIds } }, select: { soort: true } })).map((p) => p.soort);
  return {
    soort: casus.soort as TriageFacts['soort'],
    leefgebieden: [...(JSON.parse(casus.leefgebieden) as string[]), ...items.map((i) => i.leefgebied).filter((l): l is string => !!l)],
    signalen: JSON.parse(casus.signalen) as string[],
    categorieen: items.map((i) => i.categorie),
    partnerSoorten: soorten,
    betrokkenen: persons.length,
    relaties,
    codeRood: casus.codeRood,
  };
}

export async function triageProposal(db: Db, casusId: string) {
  const facts = await factsOf(db, casusId);
  const { criteria, voorstel } = evaluateTriage(facts);
  const casus = await db.casus.findUnique({ where: { id: casusId }, select: { triage: true } });
  return { casus: casusId, voorstel, codeRood: facts.codeRood, criteria, besluit: casus?.triage ? JSON.parse(casus.triage) : null };
}

const statusFor: Record<Voorstel, string> = { 'terugleggen-met-advies': 'teruggelegd', 'ondersteunen-aanmelder': 'ondersteuning', procesregie: 'procesregie' };

/** Records the procesregisseur's decision; it may differ from the proposal, the motivation says why. */
export async function recordTriageBesluit(db: Db, clock: Clock, caller: Caller, casusId: string, uitkomst: Voorstel, motivering: string) {
  const now = clock.now();
  const besluit = { uitkomst, motivering, door: `${caller.partner.id}/${caller.actor.id}`, op: now.toISOString() };
  const updated = await db.casus.updateMany({ where: { id: casusId }, data: { triage: JSON.stringify(besluit), status: statusFor[uitkomst], fase: uitkomst === 'procesregie' ? 'casusoverleg' : 'triage' } });
  if (updated.count === 0) throw new DomainError('not-found', 'Deze casus bestaat niet.');
  await db.auditEvent.create({ data: { id: randomUUID(), tijd: now, soort: 'triage', reden: uitkomst, partnerId: caller.partner.id, actor: caller.actor.id } });
  return triageProposal(db, casusId);
}
