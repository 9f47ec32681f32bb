import { randomUUID } from 'node:crypto';
import type { Caller, UseCaseDeps } from '../use-case-deps.js';
import type { DisclosureFacts, PendingDisclosure } from './disclosure-log.js';
import type { CasusFacts } from './informatie-view.js';
import { judgeCandidates } from './judge-candidates.js';
import type { Candidate, Gathered } from './pull-views.js';

/**
 * Several views of one casus judged as one disclosure (the regisseur's overview, a partner's plan): every
 * candidate goes through the covenant, masked fields are removed, and one log entry covers the answer.
 * `rest` is what the answer carries besides the judged parts (ids and process facts only).
 */
export async function discloseParts(
  deps: UseCaseDeps,
  caller: Caller,
  casus: CasusFacts,
  parts: Record<string, Gathered>,
  q: { doel: string; traceId: string; view: string; rest?: Record<string, unknown> },
): Promise<PendingDisclosure> {
  const all: Candidate[] = Object.values(parts).flatMap((g) => g.candidates);
  const { allowed, refused, covenantVersion } = await judgeCandidates(deps, caller, casus, all, q.doel);
  const shaped: Record<string, unknown> = {};
  for (const [name, g] of Object.entries(parts)) {
    const mine = new Set(g.candidates);
    const ok = allowed.filter((j) => mine.has(j.candidate));
    shaped[name] = g.shape(
      ok.map((j) => ({ categorie: j.candidate.categorieen[0]!, value: j.candidate.render(j.weg, j.gemaskeerd) })),
    );
  }
  const body = { casus: casus.id, doel: q.doel, ...shaped, ...q.rest };
  const facts: DisclosureFacts = {
    soort: allowed.length > 0 || all.length === 0 ? 'verstrekking' : 'weigering',
    ontvanger: { partner: caller.partner.id, actor: caller.actor },
    doel: q.doel,
    casus: casus.id,
    traceId: q.traceId,
    convenant: covenantVersion,
    bronnen: [...new Set(allowed.map((j) => j.candidate.bron))],
    grondslagen: [...new Set(allowed.flatMap((j) => j.grondslagen))],
    categorieen: [...new Set(allowed.flatMap((j) => j.categorieen))],
    subjectRefs: [...new Set(allowed.flatMap((j) => j.candidate.subjects))].map((s) => deps.dp.subjectRef(s)),
    details: {
      view: q.view,
      weggelaten: [...new Set(refused.map((c) => `${c.bron}:${c.categorieen[0]}`))],
      id: randomUUID(),
    },
  };
  return { body, commit: (bytes: Uint8Array) => deps.disclosures.record(facts, bytes) };
}
