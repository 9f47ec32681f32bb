import { contractUrl } from '../../../openapi/contract-url.js';
import { callerOf } from '../../http/caller-of.js';
import { registerAanmelding } from '../../intake/register-aanmelding.js';
import type { Operation } from '../operation.js';

/** A partner refers a person or system; the answer points at the new casus. */
export const createAanmelding: Operation<'createAanmelding'> = {
  async handle({ body, caller, raw }, { useCases, contract }) {
    const casusUrl = (casusId: string) => contractUrl(contract, 'getCasus', { casusId });
    return {
      stored: await registerAanmelding(useCases, callerOf(caller), body, raw.get('idempotency-key'), casusUrl),
    };
  },
};
