import { callerOf } from '../../http/caller-of.js';
import { planDisclosure } from '../../plan/plan-disclosure.js';
import type { Operation } from '../operation.js';

/** The plan van aanpak as the covenant lets the caller see it: a disclosure, logged before it leaves. */
export const getCasusPlan: Operation<'getCasusPlan'> = {
  async handle({ params, query, caller, ctx }, { useCases }) {
    return {
      status: 200,
      disclosure: await planDisclosure(useCases, callerOf(caller), params.casusId, query.doel, ctx.traceId),
    };
  },
};
