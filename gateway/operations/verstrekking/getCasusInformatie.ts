import { pullCasus } from '../../disclosure/pull-casus.js';
import { callerOf } from '../../http/caller-of.js';
import type { Operation } from '../operation.js';

/** A participating partner reads the information items of a casus for a declared purpose; logged before it leaves. */
export const getCasusInformatie: Operation<'getCasusInformatie'> = {
  async handle({ params, query, caller, ctx }, { useCases }) {
    return {
      status: 200,
      disclosure: await pullCasus(useCases, callerOf(caller), params.casusId, 'informatie', query.doel, ctx.traceId),
    };
  },
};
