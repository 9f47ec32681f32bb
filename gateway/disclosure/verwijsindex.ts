import { mayLearnInvolvement } from '../../policies/engine/may-learn-involvement.js';
import { DomainError } from '../errors/domain-error.js';
import type { DisclosureFacts, PendingDisclosure } from './disclosure-log.js';
import type { Caller, UseCaseDeps } from '../use-case-deps.js';
import { isValidBsn } from '../intake/bsn.js';
import { persoonBeperkingen } from './beperkingen.js';
import { suppliersOfPerson } from './suppliers-of-person.js';

/**
 * The partners the asker may hear know this person: the suppliers of data about the person (never the
 * asker itself: it knows what it supplied), each only where the covenant lets the asker learn that
 * involvement for this purpose (`mayLearnInvolvement`: "GGZ knows her" is itself health data).
 */
async function partnersKnowing(deps: UseCaseDeps, caller: Caller, doel: string, known: string, records: string[]) {
  const covenant = deps.policy.covenant();
  if (!covenant) return [];
  const suppliers = await suppliersOfPerson(deps.store, records, known);
  suppliers.delete(caller.partner.id);
  const soorten = await deps.soortOf([...suppliers.keys()]);
  const named = [...suppliers]
    .filter(([bron, categorieen]) => {
      const soort = soorten.get(bron);
      return (
        soort !== undefined &&
        mayLearnInvolvement(covenant, {
          asker: caller.partner,
          bron: { id: bron, soort },
          categorieen: [...categorieen],
          doel,
        })
      );
    })
    .map(([bron]) => bron);
  return (await deps.store.partners.findByIds(named))
    .map((p) => ({ id: p.id, naam: p.naam, contactNaam: p.contactNaam, contactEmail: p.contactEmail }))
    .sort((a, b) => a.id.localeCompare(b.id));
}

/**
 * "Which partners know this person?" — names and contacts, never content. The covenant decides who
 * may ask (category `betrokkenheid`) and, per source, whom the asker may hear of; `bekend` says whether
 * any other partner may be named. Every question is written to the disclosure log before the
 * answer (or the refusal) leaves, with a keyed reference instead of the BSN.
 */
export async function askVerwijsindex(
  deps: UseCaseDeps,
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
  const known = await deps.store.betrokkenen.findIdByBsnPseudonym(deps.dp.bsnPseudonym(bsn));
  const records = known ? await deps.store.betrokkenen.recordsOfPerson(known) : [];
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
  const beperkt = await persoonBeperkingen(deps, records, doel);
  // A restricted person is answered as a stranger: the asker cannot tell a restriction from "unknown".
  const partners = known && beperkt.length === 0 ? await partnersKnowing(deps, caller, doel, known, records) : [];
  const answer = { bekend: partners.length > 0, partners };
  const facts: DisclosureFacts = {
    ...base,
    soort: 'verwijsindex',
    bronnen: partners.map((p) => p.id),
    grondslagen: [decision.perCategory[0]!.grondslag ?? ''],
    details: { partners: partners.map((p) => p.id), ...(beperkt.length > 0 ? { beperkt } : {}) },
  };
  // The caller serialises `answer` once and commits exactly those bytes before it sends them.
  return { body: answer, commit: (bytes: Uint8Array) => deps.disclosures.record(facts, bytes) };
}
