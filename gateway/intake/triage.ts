import type { RepositoryStore } from '../../adapters/store/repositories.js';
import { DomainError } from '../errors/domain-error.js';
import type { Caller, UseCaseDeps } from '../use-case-deps.js';
import { evaluateTriage, type TriageFacts, type Voorstel } from './triage-criteria.js';

/**
 * Gathers the facts the criteria need: the casus itself, and — once persons are linked — everything
 * partners supplied about the same persons in other casussen: one picture per person and family.
 */
async function factsOf(store: RepositoryStore, casusId: string): Promise<TriageFacts> {
  const casus = await store.casussen.findById(casusId);
  if (!casus) throw new DomainError('not-found', 'Deze casus bestaat niet.');
  const links = await store.casussen.betrokkenenOf(casusId);
  const persons = [...new Set(await Promise.all(links.map((l) => store.betrokkenen.canonical(l.betrokkeneId))))];
  const records = (await Promise.all(persons.map((p) => store.betrokkenen.recordsOfPerson(p)))).flat();
  const casussen = [...new Set([casusId, ...(await store.casussen.casussenOf(records))])];
  const [items, deelnemers, related] = await Promise.all([
    store.informatie.factsOf(casussen),
    store.casussen.deelnemersOf(casussen),
    store.casussen.signalsOf(casussen),
  ]);
  const relaties = await store.betrokkenen.countRelatiesOf(records);
  const partnerIds = [...new Set([...deelnemers, ...items.map((i) => i.bronPartnerId)])];
  const soorten = (await store.partners.findByIds(partnerIds)).map((p) => p.soort);
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

export async function triageProposal(deps: Pick<UseCaseDeps, 'store'>, casusId: string) {
  const facts = await factsOf(deps.store, casusId);
  const { criteria, voorstel } = evaluateTriage(facts);
  const casus = await deps.store.casussen.findById(casusId);
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
  deps: Pick<UseCaseDeps, 'store' | 'clock'>,
  caller: Caller,
  casusId: string,
  uitkomst: Voorstel,
  motivering: string,
) {
  const now = deps.clock.now();
  const besluit = { uitkomst, motivering, door: `${caller.partner.id}/${caller.actor.id}`, op: now.toISOString() };
  const found = await deps.store.casussen.recordTriage(casusId, {
    triage: JSON.stringify(besluit),
    status: statusFor[uitkomst],
    fase: uitkomst === 'procesregie' ? 'casusoverleg' : 'triage',
  });
  if (!found) throw new DomainError('not-found', 'Deze casus bestaat niet.');
  await deps.store.audit.record(
    { soort: 'triage', reden: uitkomst, partnerId: caller.partner.id, actor: caller.actor.id },
    now,
  );
  return triageProposal(deps, casusId);
}
