import { randomUUID } from 'node:crypto';
import type { TriageBesluitRecord } from '../../adapters/store/casus-repository.js';
import { isUniqueViolation } from '../../adapters/store/unique-violation.js';
import type { RepositoryStore } from '../../adapters/store/repositories.js';
import { statusOf, recordStappen } from '../cases/verplaats-casus.js';
import { triageStappen } from '../cases/triage-stappen.js';
import type { Status } from '../cases/levensloop.js';
import { DomainError } from '../errors/domain-error.js';
import type { Caller, UseCaseDeps } from '../use-case-deps.js';
import { requireKnownCategories } from './known-categories.js';
import { evaluateTriage, type TriageFacts, type Voorstel } from './triage-criteria.js';

/** Triage is a purpose like any other: the proposal shows only what the caller may see for it. */
const DOEL = 'triage';

type Deps = Pick<UseCaseDeps, 'store' | 'policy' | 'soortOf'>;
type CasusRow = NonNullable<Awaited<ReturnType<RepositoryStore['casussen']['findById']>>>;

/** May `caller` receive these categories, supplied by `bron`, for triage in this casus? Cached per question. */
function triageGate(deps: Deps, caller: Caller, casus: CasusRow, soorten: Map<string, string>) {
  const cache = new Map<string, boolean>();
  return (bron: string, categorieen: string[], veld?: string, toestemming = false): boolean => {
    const k = `${bron}|${toestemming}|${veld}|${categorieen.join(',')}`;
    if (!cache.has(k)) {
      const d = deps.policy.decide({
        actie: 'verstrekken',
        partner: caller.partner,
        bron: { id: bron, soort: soorten.get(bron) ?? 'overig' },
        categorieen,
        doel: DOEL,
        fase: casus.fase as never,
        deelnemer: true,
        codeRood: casus.codeRood,
        toestemming,
      });
      cache.set(
        k,
        d.perCategory.every((c) => c.effect === 'permit' && !(veld && c.maskering.includes(veld))),
      );
    }
    return cache.get(k)!;
  };
}

/**
 * Gathers the facts the criteria need: the casus itself, and — once persons are linked — what partners
 * supplied about the same persons in other casussen, as far as the caller may see it for triage: a
 * reason never names a category (or a source) the covenant withholds from the caller.
 */
async function factsOf(deps: Deps, caller: Caller, casus: CasusRow): Promise<TriageFacts> {
  const store = deps.store;
  const links = await store.casussen.betrokkenenOf(casus.id);
  const persons = [...new Set(await Promise.all(links.map((l) => store.betrokkenen.canonical(l.betrokkeneId))))];
  const records = (await Promise.all(persons.map((p) => store.betrokkenen.recordsOfPerson(p)))).flat();
  const casussen = [...new Set([casus.id, ...(await store.casussen.casussenOf(records))])];
  const [all, deelnemers, related] = await Promise.all([
    store.informatie.factsOf(casussen),
    store.casussen.deelnemersOf(casussen),
    store.casussen.signalsOf(casussen),
  ]);
  const may = triageGate(deps, caller, casus, await deps.soortOf(all.map((i) => i.bronPartnerId)));
  const items = all.filter((i) => may(i.bronPartnerId, [i.categorie], undefined, i.toestemming !== null));
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

/** One version of the decision as the caller may see it: the motivation only where its categories may go. */
function besluitJson(b: TriageBesluitRecord, mayRead: (bron: string, categorieen: string[]) => boolean) {
  const categorieen = JSON.parse(b.motiveringCategorieen) as string[];
  const readable = mayRead(b.door.split('/')[0]!, ['triage-uitkomst', ...categorieen]);
  return {
    id: b.id,
    versie: b.versie,
    uitkomst: b.uitkomst,
    ...(readable ? { motivering: b.motivering, motiveringCategorieen: categorieen } : {}),
    door: b.door,
    op: b.op.toISOString(),
    vervangt: b.vervangt,
  };
}

/** GET …/triage: the proposal against the criteria, the current decision and every earlier version. */
export async function triageProposal(deps: Deps, caller: Caller, casusId: string) {
  const casus = await deps.store.casussen.findById(casusId);
  if (!casus) throw new DomainError('not-found', 'Deze casus bestaat niet.');
  const facts = await factsOf(deps, caller, casus);
  const { criteria, voorstel } = evaluateTriage(facts);
  const versies = await deps.store.casussen.triageBesluiten(casusId);
  const may = triageGate(deps, caller, casus, await deps.soortOf(versies.map((b) => b.door.split('/')[0]!)));
  const geschiedenis = versies.map((b) => besluitJson(b, (bron, cats) => may(bron, cats, 'motivering')));
  return {
    casus: casusId,
    voorstel,
    codeRood: facts.codeRood,
    criteria,
    besluit: geschiedenis.at(-1) ?? null,
    geschiedenis,
  };
}

const statusFor: Record<Voorstel, string> = {
  'terugleggen-met-advies': 'teruggelegd',
  'ondersteunen-aanmelder': 'ondersteuning',
  procesregie: 'procesregie',
};

/**
 * Records the procesregisseur's decision as a new version: it may differ from the proposal (the motivation
 * says why) and from an earlier decision, which it names as the one it replaces — nothing is overwritten.
 */
export async function recordTriageBesluit(
  deps: Deps & Pick<UseCaseDeps, 'clock'>,
  caller: Caller,
  casusId: string,
  vraag: { uitkomst: Voorstel; motivering: string; motiveringCategorieen?: string[] },
) {
  requireKnownCategories(deps, vraag.motiveringCategorieen, '/motiveringCategorieen');
  const now = deps.clock.now();
  const besluit = {
    id: randomUUID(),
    casusId,
    uitkomst: vraag.uitkomst,
    motivering: vraag.motivering,
    motiveringCategorieen: JSON.stringify(vraag.motiveringCategorieen ?? []),
    door: `${caller.partner.id}/${caller.actor.id}`,
    op: now,
  };
  const next = {
    status: statusFor[vraag.uitkomst],
    fase: vraag.uitkomst === 'procesregie' ? 'casusoverleg' : 'triage',
  };
  const casus = await deps.store.casussen.findById(casusId);
  if (!casus) throw new DomainError('not-found', 'Deze casus bestaat niet.');
  // The decision drives the lifecycle: the steps it implies are checked against the table and recorded.
  const stappen = triageStappen(statusOf(casus), next.status as Status, casus.codeRood);
  const stored = await deps.store
    .transaction(async (tx) => {
      await recordStappen(tx, casus, stappen, {
        door: besluit.door,
        reden: `triagebesluit:${vraag.uitkomst}`,
        op: now,
      });
      return tx.casussen.recordTriageBesluit(besluit, next);
    })
    .catch((err: unknown) => {
      if (isUniqueViolation(err)) throw new DomainError('conflict', 'Tegelijk is een ander triagebesluit vastgelegd.');
      throw err;
    });
  if (!stored) throw new DomainError('not-found', 'Deze casus bestaat niet.');
  await deps.store.audit.record(
    { soort: 'triage', reden: vraag.uitkomst, partnerId: caller.partner.id, actor: caller.actor.id },
    now,
  );
  return triageProposal(deps, caller, casusId);
}
