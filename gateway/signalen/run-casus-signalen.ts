import { randomUUID } from 'node:crypto';
import { isUniqueViolation } from '../../adapters/store/unique-violation.js';
import type { UseCaseDeps } from '../use-case-deps.js';

const DAY = 24 * 60 * 60 * 1000;

export interface SignaalTermijnen {
  /** A casus with no step and no progress for this many days stagnates. */
  stagnatieDagen: number;
  /** An open signal not resolved within this many days goes to the ketenmanager. */
  escalatieDagen: number;
}

export const standaardTermijnen: SignaalTermijnen = { stagnatieDagen: 28, escalatieDagen: 14 };

/** Statuses in which the ZVH holds the regie, so standing still is a problem. */
const ACTIEF = ['procesregie', 'casusoverleg', 'plan-van-aanpak', 'monitoring', 'evaluatie'];

type Deps = Pick<UseCaseDeps, 'store' | 'meldingen'>;

async function raise(deps: Deps, s: { casusId: string; soort: string; onderwerp: string }, now: Date) {
  return deps.store.plan.raise({ id: randomUUID(), ...s, opgeworpenOp: now }).catch((err: unknown) => {
    // Another run raised it in the same instant: it is raised once, which is all we want.
    if (isUniqueViolation(err)) return false;
    throw err;
  });
}

/**
 * One pass of the signals: overdue interventions and stagnating casussen are raised for the
 * procesregisseur (once each), and signals left open past the escalation period go to the ketenmanager
 * (once each). Idempotent: a second run at the same moment raises and escalates nothing. The partners
 * concerned hear of it through the meldingen port (ids only). Returns what this run did.
 */
export async function runCasusSignalen(deps: Deps, now: Date, termijnen: SignaalTermijnen = standaardTermijnen) {
  const { store } = deps;
  let opgeworpen = 0;
  let geescaleerd = 0;
  for (const i of await store.plan.verlopen(now)) {
    if (!(await raise(deps, { casusId: i.casusId, soort: 'interventie-verlopen', onderwerp: i.id }, now))) continue;
    opgeworpen++;
    await deps.meldingen.plaats({
      partnerId: i.eigenaarPartnerId,
      soort: 'interventie-verlopen',
      casusId: i.casusId,
      data: { interventie: i.id },
    });
  }
  for (const casusId of await store.plan.stagnerend(ACTIEF, new Date(now.getTime() - termijnen.stagnatieDagen * DAY)))
    if (await raise(deps, { casusId, soort: 'stagnatie', onderwerp: casusId }, now)) opgeworpen++;
  const zvh = await store.partners.activeIdsOfSoort('zvh');
  for (const s of await store.plan.teEscaleren(new Date(now.getTime() - termijnen.escalatieDagen * DAY))) {
    if (!(await store.plan.escaleer(s.id, now))) continue;
    geescaleerd++;
    for (const partnerId of zvh)
      await deps.meldingen.plaats({
        partnerId,
        soort: 'escalatie',
        casusId: s.casusId,
        data: { signaal: s.id, soort: s.soort, onderwerp: s.onderwerp },
      });
  }
  return { opgeworpen, geescaleerd };
}
