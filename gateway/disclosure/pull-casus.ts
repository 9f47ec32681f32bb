import { randomUUID } from 'node:crypto';
import type { CategoryDecision } from '../../policies/engine/decision.js';
import { DomainError } from '../errors/domain-error.js';
import type { Caller, UseCaseDeps } from '../use-case-deps.js';
import type { DisclosureFacts, PendingDisclosure } from './disclosure-log.js';
import { type CasusFacts, informatieView } from './informatie-view.js';
import { gather, type Gathered, type PullView } from './pull-views.js';

export type { PullView };

const withheldReason: Record<string, string> = { 'alleen-aggregaat': 'alleen als aggregaat beschikbaar' };

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

/**
 * A participating partner reads part of a casus for a declared purpose. The covenant decides per
 * source partner and category; masking is applied; what is refused is left out and named. The
 * disclosure (or, when nothing is allowed, the refusal) is committed to the ledger before the answer
 * leaves: the answer is pending until its exact bytes are committed; a failing ledger means a 503 and
 * nothing disclosed.
 */
export async function pullCasus(
  deps: UseCaseDeps,
  caller: Caller,
  casusId: string,
  view: PullView,
  doel: string,
  traceId: string,
): Promise<PendingDisclosure> {
  const covenant = deps.policy.covenant();
  if (covenant && !covenant.purposes.has(doel))
    throw new DomainError('invalid-request', `Onbekend doel ${doel}.`, {
      invalidParams: [{ name: 'doel', reason: `doelen: ${[...covenant.purposes.keys()].join(', ')}` }],
    });
  // Found only when the caller takes part: someone else's casus and a missing one look the same.
  const found = await load(deps, casusId, caller.partner.id, view);
  const base = { ontvanger: { partner: caller.partner.id, actor: caller.actor }, doel, casus: casusId, traceId };
  if (!found) {
    // Logged too: attempts outside participation are what a privacy officer looks for.
    await deps.disclosures.record(
      {
        ...base,
        soort: 'weigering',
        bronnen: [],
        grondslagen: [],
        categorieen: [],
        subjectRefs: [],
        convenant: covenant?.label ?? 'geen',
        details: { reden: 'geen-deelnemer', view },
      },
      null,
    );
    throw new DomainError('not-found', 'Deze casus bestaat niet.');
  }
  const {
    casus,
    gathered: { candidates, shape },
  } = found;
  const sources = await deps.soortOf(candidates.map((c) => c.bron));
  const decisions = new Map<string, CategoryDecision>();
  let version = covenant?.label ?? 'geen';
  for (const bron of new Set(candidates.map((c) => c.bron))) {
    const categories = [...new Set(candidates.filter((c) => c.bron === bron).map((c) => c.categorie))];
    const d = deps.policy.decide({
      actie: 'verstrekken',
      partner: caller.partner,
      bron: { id: bron, soort: sources.get(bron) ?? 'overig' },
      categorieen: categories,
      doel,
      fase: casus.fase as never,
      deelnemer: true,
      codeRood: casus.codeRood,
    });
    version = d.covenantVersion;
    for (const c of d.perCategory) decisions.set(`${bron}|${c.categorie}`, c);
  }
  const allowed = candidates.filter((c) => decisions.get(`${c.bron}|${c.categorie}`)!.effect === 'permit');
  const refused = new Map<string, { categorie: string; bron: string; reden: string }>();
  for (const c of candidates.filter((x) => !allowed.includes(x))) {
    const d = decisions.get(`${c.bron}|${c.categorie}`)!;
    refused.set(`${c.bron}|${c.categorie}`, {
      categorie: c.categorie,
      bron: c.bron,
      reden: withheldReason[d.reason] ?? d.reason,
    });
  }
  const payload = shape(
    allowed.map((c) => ({
      categorie: c.categorie,
      value: c.render(decisions.get(`${c.bron}|${c.categorie}`)!.maskering),
    })),
  );
  const grondslagen = [
    ...new Set(
      allowed.map((c) => decisions.get(`${c.bron}|${c.categorie}`)!.grondslag).filter((g): g is string => !!g),
    ),
  ];
  const body = { casus: casusId, doel, ...payload, weggelaten: [...refused.values()] };
  const facts: DisclosureFacts = {
    ...base,
    soort: allowed.length > 0 || candidates.length === 0 ? 'verstrekking' : 'weigering',
    bronnen: [...new Set(allowed.map((c) => c.bron))],
    grondslagen,
    categorieen: [...new Set(allowed.map((c) => c.categorie))],
    subjectRefs: [...new Set(allowed.map((c) => c.subject).filter((s): s is string => !!s))].map((s) =>
      deps.dp.subjectRef(s),
    ),
    convenant: version,
    details: { view, weggelaten: [...refused.values()].map((r) => `${r.bron}:${r.categorie}`), id: randomUUID() },
  };
  // The caller serialises `body` once and commits exactly those bytes before it sends them.
  return { body, commit: (bytes: Uint8Array) => deps.disclosures.record(facts, bytes) };
}
