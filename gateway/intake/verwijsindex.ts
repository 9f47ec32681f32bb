import { DomainError } from '../errors/domain-error.js';
import type { DisclosureFacts, PendingDisclosure } from '../disclosure/disclosure-log.js';
import { isValidBsn } from './bsn.js';
import type { Caller, IntakeDeps } from './intake-deps.js';
import { recordsOfPerson } from './link-betrokkenen.js';

/** Partners that know any record of the person: referrers, participants and suppliers of information. */
async function partnersKnowing(deps: IntakeDeps, records: string[]) {
  const casussen = (
    await deps.db.casusBetrokkene.findMany({ where: { betrokkeneId: { in: records } }, select: { casusId: true } })
  ).map((c) => c.casusId);
  const ids = new Set<string>([
    ...(
      await deps.db.casusDeelnemer.findMany({ where: { casusId: { in: casussen } }, select: { partnerId: true } })
    ).map((d) => d.partnerId),
    ...(
      await deps.db.informatieItem.findMany({
        where: { betrokkeneId: { in: records } },
        select: { bronPartnerId: true },
        distinct: ['bronPartnerId'],
      })
    ).map((i) => i.bronPartnerId),
  ]);
  const partners = await deps.db.partner.findMany({
    where: { id: { in: [...ids] } },
    select: { id: true, naam: true, contactNaam: true, contactEmail: true },
    orderBy: { id: 'asc' },
  });
  return partners;
}

/**
 * "Which partners know this person?" — names and contacts, never content. The covenant decides who
 * may ask (category `betrokkenheid`), and every question is written to the disclosure log before the
 * answer (or the refusal) leaves, with a keyed reference instead of the BSN.
 */
export async function askVerwijsindex(
  deps: IntakeDeps,
  caller: Caller,
  bsn: string,
  doel: string,
  traceId: string,
): Promise<PendingDisclosure<{ bekend: boolean; partners: Awaited<ReturnType<typeof partnersKnowing>> }>> {
  if (!isValidBsn(bsn))
    throw new DomainError('invalid-request', 'Geen geldig BSN.', {
      invalidParams: [{ name: '/bsn', reason: 'elfproef klopt niet' }],
    });
  const decision = deps.policy.decide({
    actie: 'verstrekken',
    partner: caller.partner,
    categorieen: ['betrokkenheid'],
    doel,
    deelnemer: false,
  });
  const known = await deps.db.betrokkene.findUnique({
    where: { bsnPseudoniem: deps.dp.bsnPseudonym(bsn) },
    select: { id: true },
  });
  const records = known ? await recordsOfPerson(deps.db, known.id) : [];
  const subjectRef = deps.dp.subjectRef(records[0] ?? `bsn:${deps.dp.bsnPseudonym(bsn)}`);
  const base = {
    ontvanger: { partner: caller.partner.id, actor: caller.actor },
    doel,
    categorieen: ['betrokkenheid'],
    subjectRefs: [subjectRef],
    convenant: decision.covenantVersion,
    traceId,
  };
  if (decision.result === 'deny') {
    await deps.disclosures.record(
      {
        ...base,
        soort: 'weigering',
        bronnen: [],
        grondslagen: [],
        details: { reden: decision.perCategory[0]!.reason, regel: decision.denyingRule },
      },
      null,
    );
    throw new DomainError('covenant-denied', `Het convenant (${decision.covenantVersion}) staat deze vraag niet toe.`, {
      invalidParams: [{ name: '/doel', reason: decision.perCategory[0]!.reason }],
    });
  }
  const partners = records.length > 0 ? await partnersKnowing(deps, records) : [];
  const answer = { bekend: partners.length > 0, partners };
  const facts: DisclosureFacts = {
    ...base,
    soort: 'verwijsindex',
    bronnen: partners.map((p) => p.id),
    grondslagen: [decision.perCategory[0]!.grondslag ?? ''],
    details: { partners: partners.map((p) => p.id) },
  };
  // The caller serialises `answer` once and commits exactly those bytes before it sends them.
  return { body: answer, commit: (bytes: Uint8Array) => deps.disclosures.record(facts, bytes) };
}
