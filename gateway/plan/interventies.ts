import { randomUUID } from 'node:crypto';
import type { InterventieRecord } from '../../adapters/store/plan-repository.js';
import { leefgebieden } from '../../policies/taxonomy/leefgebieden.js';
import { casusSleutel } from '../cases/casus-sleutel.js';
import { DomainError } from '../errors/domain-error.js';
import type { Caller, UseCaseDeps } from '../use-case-deps.js';

type Deps = Pick<UseCaseDeps, 'store' | 'clock' | 'dp'>;

export function interventieJson(i: InterventieRecord) {
  return {
    id: i.id,
    casus: i.casusId,
    eigenaar: i.eigenaarPartnerId,
    leefgebied: i.leefgebied,
    titel: i.titel,
    deadline: i.deadline.toISOString(),
    status: i.status,
    laatsteVoortgangOp: i.laatsteVoortgangOp?.toISOString() ?? null,
  };
}

/** A plan can be made once the casus is past triage and before it is closed. */
const PLANNABLE = new Set(['casusoverleg', 'plan-van-aanpak', 'monitoring', 'evaluatie']);

/** The procesregisseur adds an intervention, owned by a partner that takes part in the casus. */
export async function createInterventie(
  deps: Deps,
  casusId: string,
  vraag: { eigenaar: string; leefgebied: string; titel: string; deadline: string },
) {
  const casus = await deps.store.casussen.findById(casusId);
  if (!casus) throw new DomainError('not-found', 'Deze casus bestaat niet.');
  if (!(leefgebieden as readonly string[]).includes(vraag.leefgebied))
    throw new DomainError('invalid-request', 'Onbekend leefgebied.', {
      invalidParams: [{ name: '/leefgebied', reason: `een van: ${leefgebieden.join(', ')}` }],
    });
  if (!(await deps.store.casussen.isDeelnemer(casusId, vraag.eigenaar)))
    throw new DomainError('invalid-request', 'De eigenaar neemt niet deel aan deze casus.', {
      invalidParams: [{ name: '/eigenaar', reason: 'geen deelnemer' }],
    });
  if (!PLANNABLE.has(casus.status))
    throw new DomainError('conflict', `In status ${casus.status} heeft een casus geen plan van aanpak.`);
  const row: InterventieRecord = {
    id: randomUUID(),
    casusId,
    eigenaarPartnerId: vraag.eigenaar,
    leefgebied: vraag.leefgebied,
    titel: vraag.titel,
    deadline: new Date(vraag.deadline),
    status: 'gepland',
    aangemaaktOp: deps.clock.now(),
    laatsteVoortgangOp: null,
  };
  await deps.store.plan.addInterventie(row);
  return interventieJson(row);
}

/**
 * The interventions the caller may see without a disclosure: a partner sees those it owns (its own
 * work); the ZVH, which keeps the plan, sees all. A non-participant gets the same 404 as a missing casus.
 */
export async function listInterventies(deps: Deps, caller: Caller, casusId: string) {
  const casus = await deps.store.casussen.findParticipating(casusId, caller.partner.id);
  if (!casus) throw new DomainError('not-found', 'Deze casus bestaat niet.');
  const zvh = caller.partner.soort === 'zvh';
  const all = await deps.store.plan.interventiesOf(casusId);
  return {
    interventies: all.filter((i) => zvh || i.eigenaarPartnerId === caller.partner.id).map(interventieJson),
  };
}

/**
 * The owner partner reports progress. Its note is encrypted under the casus' data key; a report closes
 * any open signal about the intervention. Only the owner reports: another participant gets 403, anyone
 * else the 404 of a missing casus.
 */
export async function addVoortgang(
  deps: Deps,
  caller: Caller,
  casusId: string,
  interventieId: string,
  vraag: { status: 'lopend' | 'afgerond' | 'gestopt'; toelichting: string },
) {
  const { store, dp } = deps;
  if (!(await store.casussen.findParticipating(casusId, caller.partner.id)))
    throw new DomainError('not-found', 'Deze casus bestaat niet.');
  const interventie = await store.plan.findInterventie(interventieId);
  if (!interventie || interventie.casusId !== casusId)
    throw new DomainError('not-found', 'Deze interventie bestaat niet.');
  if (interventie.eigenaarPartnerId !== caller.partner.id)
    throw new DomainError('forbidden', 'Alleen de eigenaar van de interventie meldt voortgang.');
  if (interventie.status === 'afgerond' || interventie.status === 'gestopt')
    throw new DomainError('conflict', `Deze interventie is ${interventie.status}.`);
  const op = deps.clock.now();
  const id = randomUUID();
  await store.transaction(async (tx) => {
    const toelichting = dp.encrypt(await casusSleutel(tx, dp, casusId), vraag.toelichting, `voortgang:${id}`);
    await tx.plan.addVoortgang({
      id,
      interventieId,
      casusId,
      partnerId: caller.partner.id,
      status: vraag.status,
      toelichting,
      op,
    });
    await tx.plan.losOp(interventieId, op);
    await tx.plan.losOp(casusId, op);
  });
  return { id, interventie: interventieId, status: vraag.status, op: op.toISOString() };
}
