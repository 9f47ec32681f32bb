import { DomainError } from '../errors/domain-error.js';
import type { PendingDisclosure } from '../disclosure/disclosure-log.js';
import { discloseParts } from '../disclosure/disclose-parts.js';
import { informatieView } from '../disclosure/informatie-view.js';
import { gather, type Gathered } from '../disclosure/pull-views.js';
import { planCandidates } from '../plan/plan-candidates.js';
import type { Caller, UseCaseDeps } from '../use-case-deps.js';
import { casusLevensloop } from './verplaats-casus.js';

/** The regisseur's purpose: directing the integrated approach. */
const DOEL = 'procesregie';

/** The informatie view regrouped per leefgebied (items without one under `overig`). */
function perLeefgebied(g: Gathered): Gathered {
  return {
    candidates: g.candidates,
    shape: (parts) => {
      const groups: Record<string, unknown[]> = {};
      for (const p of parts) {
        const k = (p.value as { leefgebied?: string | null }).leefgebied ?? 'overig';
        (groups[k] ??= []).push(p.value);
      }
      return groups;
    },
  };
}

/**
 * Everything linked to a casus as the regisseur's role may see it, in one answer: the referral and triage,
 * the betrokkenen with their family-system links, the information per leefgebied, the plan with its
 * interventions and progress — each piece judged by the covenant for procesregie, masked per field —
 * and the process history (steps, triage versions, participants, meetings), which holds ids and codes
 * only. One disclosure, logged before it is sent.
 */
export async function casusOverzicht(
  deps: UseCaseDeps,
  caller: Caller,
  casusId: string,
  traceId: string,
): Promise<PendingDisclosure> {
  const casus = await deps.store.casussen.findParticipating(casusId, caller.partner.id);
  if (!casus) throw new DomainError('not-found', 'Deze casus bestaat niet.');
  const [aanmelding, personen, systeem, informatie, levensloop, besluiten, agendapunten] = await Promise.all([
    gather(deps, casus, 'casus'),
    gather(deps, casus, 'betrokkenen'),
    gather(deps, casus, 'systeem'),
    informatieView(deps, casusId, caller.partner.id),
    casusLevensloop(deps, casusId),
    deps.store.casussen.triageBesluiten(casusId),
    deps.store.overleggen.agendapuntenOf(casusId),
  ]);
  const subjects = [...new Set(personen.candidates.flatMap((c) => c.subjects))];
  const plan = await planCandidates(deps, casusId, caller.partner.id, subjects);
  const overleggen = await Promise.all(agendapunten.map((a) => deps.store.overleggen.findById(a.overlegId)));
  const { overgangen, deelnames, status, fase, afgeslotenOp } = levensloop;
  return discloseParts(
    deps,
    caller,
    casus,
    {
      casusgegevens: aanmelding,
      personen,
      systeem,
      informatiePerLeefgebied: perLeefgebied(informatie?.gathered ?? { candidates: [], shape: () => ({}) }),
      plan,
    },
    {
      doel: DOEL,
      traceId,
      view: 'overzicht',
      rest: {
        status,
        fase,
        afgeslotenOp,
        geschiedenis: {
          overgangen,
          triageVersies: besluiten.map((b) => ({
            versie: b.versie,
            uitkomst: b.uitkomst,
            door: b.door,
            op: b.op.toISOString(),
          })),
          deelnames,
          overleggen: overleggen
            .filter((o) => o !== null)
            .map((o) => ({ id: o.id, datum: o.datum.toISOString(), online: o.online })),
        },
      },
    },
  );
}
