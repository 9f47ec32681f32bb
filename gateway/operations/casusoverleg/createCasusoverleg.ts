import { planOverleg } from '../../casusoverleg/plan-overleg.js';
import { callerOf } from '../../http/caller-of.js';
import type { Operation } from '../operation.js';
import { zvhRegisseur } from '../roles.js';

/** Schedules a casusoverleg. */
export const createCasusoverleg: Operation<'createCasusoverleg'> = {
  roles: zvhRegisseur,
  async handle({ body, caller }, { useCases }) {
    return { status: 201, body: await planOverleg(useCases, callerOf(caller), body) };
  },
};
