import { callerOf } from '../../http/caller-of.js';
import { contributeInformatie } from '../../intake/contribute-informatie.js';
import type { Operation } from '../operation.js';

/** A participating partner supplies information items to a casus. */
export const addInformatie: Operation<'addInformatie'> = {
  async handle({ params, body, caller, raw }, { useCases }) {
    return {
      stored: await contributeInformatie(useCases, callerOf(caller), params.casusId, body, raw.get('idempotency-key')),
    };
  },
};
