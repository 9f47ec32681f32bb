import { overlegView } from '../../casusoverleg/overleg-view.js';
import { callerOf } from '../../http/caller-of.js';
import type { Operation } from '../operation.js';

/** A meeting with only the agenda items the caller may see. */
export const getCasusoverleg: Operation<'getCasusoverleg'> = {
  async handle({ params, caller }, { useCases }) {
    return { status: 200, body: await overlegView(useCases, callerOf(caller), params.overlegId) };
  },
};
