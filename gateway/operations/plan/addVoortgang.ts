import { callerOf } from '../../http/caller-of.js';
import { addVoortgang as add } from '../../plan/interventies.js';
import type { Operation } from '../operation.js';

/** The owner partner reports progress on its intervention. */
export const addVoortgang: Operation<'addVoortgang'> = {
  async handle({ params, body, caller }, { useCases }) {
    return {
      status: 201,
      body: await add(useCases, callerOf(caller), params.casusId, params.interventieId, body),
    };
  },
};
