import { randomUUID } from 'node:crypto';
import type { Db } from '../../adapters/store/open-store.js';
import type { Clock } from '../clock.js';
import { DomainError } from '../errors/domain-error.js';
import type { Caller } from './intake-deps.js';
import { canonical, recordsOfPerson } from './link-betrokkenen.js';
import { evaluateTriage, type TriageFacts, type Voorstel } from './triage-criteria.js';

/**
 * Gathers the facts the criteria need: the casus itself, and — once persons are linked — everything
 * partners supplied about the same persons in other casussen: one picture per person and family.
 */
async function factsOf(db: Db, casusId: string): Promise<TriageFacts> {
  const casus = await db.casus.findUnique({ where: { id: casusId } });
  if (!casus) throw new DomainError('not-found', 'Deze casus bestaat niet.');
  const links = await db.casusBetrokkene.findMany({ where: { casusId }, select: { betrokkeneId: true } });
  const persons = [...new Set(await Promise.all(links.map((l) => canonical(db, l.betrokkeneId))))];
  const records = (await Promise.all(persons.map((p) => recordsOfPerson(db, p)))).flat();
  const casussen = [
    ...new Set([
      casusId,
      ...(
        await db.casusBetrokkene.findMany({ where: { betrokkeneId: { in: records } }, select: { casusId: true } })
      ).map((c) => c.casusId),
    ]),
  ];
  const [items, deelnemers, related] = await Promise.all([
    db.informatieItem.findMany({
      where: { casusId: { in: casussen } },
      select: { categorie: true, leefgebied: true, bronPartnerId: true },
    }),
    db.casusDeelnemer.findMany({ where: { casusId: { in: casussen } }, select: { partnerId: true } }),
    db.casus.findMany({ where: { id: { in: casussen } }, select: { leefgebieden: true, signalen: true } }),
  ]);
  const relaties = await db.systeemRelatie.count({
    where: { OR: [{ vanId: { in: records } }, { naarId: { in: records } }] },
  });
  const partnerIds = [...new Set([...deelnemers.map((d) => d.partnerId), ...items.map((i) => i.bronPartnerId)])];
  const soorten = (await db.partner.findMany({ where: { id: { in: partnerIds } }, select: { soort: true } })).map(
    (p) => p.soort,
  );
  return {
    soort: casus.soort as TriageFacts['soort'],
    leefgebieden: [
      ...related.flatMap((c) => JSON.parse(c.leefgebieden) as string[]),
      ...items.map((i) => i.leefgebied).filter((l): l is string => !!l),
    ],
    signalen: related.flatMap((c) => JSON.parse(c.signalen) as string[]),
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
  return {
    casus: casusId,
    voorstel,
    codeRood: facts.codeRood,
    criteria,
    besluit: casus?.triage ? JSON.parse(casus.triage) : null,
  };
}

const statusFor: Record<Voorstel, string> = {
  'terugleggen-met-advies': 'teruggelegd',
  'ondersteunen-aanmelder': 'ondersteuning',
  procesregie: 'procesregie',
};

/** Records the procesregisseur's decision; it may differ from the proposal, the motivation says why. */
export async function recordTriageBesluit(
  db: Db,
  clock: Clock,
  caller: Caller,
  casusId: string,
  uitkomst: Voorstel,
  motivering: string,
) {
  const now = clock.now();
  const besluit = { uitkomst, motivering, door: `${caller.partner.id}/${caller.actor.id}`, op: now.toISOString() };
  const updated = await db.casus.updateMany({
    where: { id: casusId },
    data: {
      triage: JSON.stringify(besluit),
      status: statusFor[uitkomst],
      fase: uitkomst === 'procesregie' ? 'casusoverleg' : 'triage',
    },
  });
  if (updated.count === 0) throw new DomainError('not-found', 'Deze casus bestaat niet.');
  await db.auditEvent.create({
    data: {
      id: randomUUID(),
      tijd: now,
      soort: 'triage',
      reden: uitkomst,
      partnerId: caller.partner.id,
      actor: caller.actor.id,
    },
  });
  return triageProposal(db, casusId);
}
