import { requireKnownDoel } from './require-known-doel.js';
import { randomUUID } from 'node:crypto';
import { DomainError } from '../errors/domain-error.js';
import type { Caller, UseCaseDeps } from '../use-case-deps.js';
import { recordRefusal, type DisclosureFacts, type PendingDisclosure } from './disclosure-log.js';
import { type CasusFacts, informatieView } from './informatie-view.js';
import { judgeCandidates, type Judgement } from './judge-candidates.js';
import { perPersoon } from './per-persoon.js';
import { gather, type Gathered, type PullView } from './pull-views.js';
import { requireOpenPurpose } from './require-open-purpose.js';

export type { PullView };

/** The casus and what the view could show, or null when the caller does not take part (or it does not exist). */
async function load(
  deps: UseCaseDeps,
  casusId: string,
  partnerId: string,
  view: PullView,
): Promise<{ casus: CasusFacts; gathered: Gathered } | null> {
  if (view === 'informatie') return informatieView(deps, casusId, partnerId);
  const casus = await deps.store.casussen.findParticipating(casusId, partnerId);
  return casus && { casus, gathered: await gather(deps, casus, view) };
}

/** What the log entry records of a judgement: everything that left, and — for privacy officers — what did not. */
function logFacts(deps: UseCaseDeps, { allowed, refused, beperkt }: Judgement, view: PullView) {
  const personen = perPersoon(deps.dp, allowed);
  const gemaskeerd: Record<string, string[]> = {};
  for (const j of allowed.filter((x) => x.gemaskeerd.length > 0)) {
    const k = j.candidate.categorieen[0]!;
    gemaskeerd[k] = [...new Set([...(gemaskeerd[k] ?? []), ...j.gemaskeerd])].sort();
  }
  const tekstWeggelaten = allowed.flatMap((j) =>
    j.tekstWeg.map((v) => `${j.candidate.bron}:${j.candidate.categorieen[0]}.${v}`),
  );
  return {
    bronnen: [...new Set(allowed.map((j) => j.candidate.bron))],
    grondslagen: [...new Set(allowed.flatMap((j) => j.grondslagen))],
    categorieen: [...new Set(allowed.flatMap((j) => j.categorieen))],
    subjectRefs: personen.map((p) => p.ref),
    details: {
      view,
      perPersoon: personen,
      weggelaten: [...new Set(refused.map((c) => `${c.bron}:${c.categorieen[0]}`))],
      ...(tekstWeggelaten.length > 0 ? { tekstWeggelaten: [...new Set(tekstWeggelaten)] } : {}),
      ...(Object.keys(gemaskeerd).length > 0 ? { gemaskeerd } : {}),
      ...(beperkt.size > 0 ? { beperkt: beperktFacts(beperkt) } : {}),
      id: randomUUID(),
    },
  };
}

/** What the privacy officer reads of withheld pieces: the restriction's ids and the item or category, no content. */
function beperktFacts(beperkt: Judgement['beperkt']) {
  return [...beperkt].map(([c, ids]) => ({
    beperkingen: ids,
    ...(c.item ? { item: c.item } : { categorie: c.categorieen[0]! }),
  }));
}

/** A casus the caller does not take part in (or that does not exist): logged, then the same 404 for both. */
async function refuseOutsideParticipation(
  deps: UseCaseDeps,
  base: Pick<DisclosureFacts, 'ontvanger' | 'doel' | 'casus' | 'traceId' | 'convenant'>,
  view: PullView,
): Promise<never> {
  // Logged too: attempts outside participation are what a privacy officer looks for.
  await recordRefusal(deps.disclosures, base, { reden: 'geen-deelnemer', view });
  throw new DomainError('not-found', 'Deze casus bestaat niet.');
}

/**
 * A participating partner reads part of a casus for a declared purpose. A purpose closed to the partner
 * is a 403 before anything else; then only a participant gets further (anyone else: the same 404 as a
 * missing casus). The covenant decides per source partner and category; masked fields and free text
 * whose categories may not go are left out, the rest disclosed. What was left out is not named: under
 * `weglatingen: melden` the answer says only that something was. The disclosure (or, when nothing is
 * allowed, the refusal) is committed to the ledger before the answer leaves: the answer is pending
 * until its exact bytes are committed; a failing ledger means a 503 and nothing disclosed.
 */
export async function pullCasus(
  deps: UseCaseDeps,
  caller: Caller,
  casusId: string,
  view: PullView,
  doel: string,
  traceId: string,
): Promise<PendingDisclosure> {
  requireKnownDoel(deps.policy, doel);
  const covenant = deps.policy.covenant();
  const base = { ontvanger: { partner: caller.partner.id, actor: caller.actor }, doel, casus: casusId, traceId };
  await requireOpenPurpose(deps, caller, base, { view });
  // Found only when the caller takes part: someone else's casus and a missing one look the same.
  const found = await load(deps, casusId, caller.partner.id, view);
  if (!found) return refuseOutsideParticipation(deps, { ...base, convenant: covenant?.label ?? 'geen' }, view);
  const { candidates, shape } = found.gathered;
  const judgement = await judgeCandidates(deps, caller, found.casus, candidates, doel, {
    unrestricted: found.gathered.unrestricted,
  });
  const { allowed, refused } = judgement;
  const leftOut = refused.length > 0 || allowed.some((j) => j.tekstWeg.length > 0);
  const payload = {
    ...shape(
      allowed.map((j) => ({ categorie: j.candidate.categorieen[0]!, value: j.candidate.render(j.weg, j.gemaskeerd) })),
    ),
    ...(leftOut && covenant?.weglatingen === 'melden' ? { weggelaten: true as const } : {}),
  };
  const body = { casus: casusId, doel, ...payload };
  const facts: DisclosureFacts = {
    ...base,
    soort: allowed.length > 0 || candidates.length === 0 ? 'verstrekking' : 'weigering',
    convenant: judgement.covenantVersion,
    ...logFacts(deps, judgement, view),
  };
  // The caller serialises `body` once and commits exactly those bytes before it sends them.
  return { body, commit: (bytes: Uint8Array) => deps.disclosures.record(facts, bytes) };
}
