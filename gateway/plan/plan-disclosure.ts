import { requireKnownDoel } from '../disclosure/require-known-doel.js';
import { DomainError } from '../errors/domain-error.js';
import type { PendingDisclosure } from '../disclosure/disclosure-log.js';
import { discloseParts } from '../disclosure/disclose-parts.js';
import { requireOpenPurpose } from '../disclosure/require-open-purpose.js';
import type { Caller, UseCaseDeps } from '../use-case-deps.js';
import { planCandidates } from './plan-candidates.js';

/**
 * A participant reads the plan van aanpak for a declared purpose: the interventions (plan-van-aanpak,
 * the ZVH's data) and the progress reports (voortgang, each reporting partner's) go as the covenant
 * allows, masked field by field; the read is logged before it is sent. A non-participant gets the
 * 404 of a missing casus.
 */
export async function planDisclosure(
  deps: UseCaseDeps,
  caller: Caller,
  casusId: string,
  doel: string,
  traceId: string,
): Promise<PendingDisclosure> {
  requireKnownDoel(deps.policy, doel);
  await requireOpenPurpose(
    deps,
    caller,
    { ontvanger: { partner: caller.partner.id, actor: caller.actor }, doel, casus: casusId, traceId },
    { view: 'plan' },
  );
  const casus = await deps.store.casussen.findParticipating(casusId, caller.partner.id);
  if (!casus) throw new DomainError('not-found', 'Deze casus bestaat niet.');
  const [zvh] = await deps.store.partners.activeIdsOfSoort('zvh');
  const subjects = await Promise.all(
    (await deps.store.casussen.betrokkenenOf(casusId)).map((l) => deps.store.betrokkenen.canonical(l.betrokkeneId)),
  );
  const plan = await planCandidates(deps, casusId, zvh ?? 'zvh', [...new Set(subjects)]);
  return discloseParts(deps, caller, casus, { plan }, { doel, traceId, view: 'plan' });
}
