import { callerOf } from '../../http/caller-of.js';
import { recordTriageBesluit as record } from '../../intake/triage.js';
import type { Operation } from '../operation.js';
import { zvhRegisseur } from '../roles.js';

/** The procesregisseur's triage decision, with its motivation. */
export const recordTriageBesluit: Operation<'recordTriageBesluit'> = {
  roles: zvhRegisseur,
  async handle({ params, body, caller }, { useCases }) {
    return {
      status: 201,
      body: await record(useCases, callerOf(caller), params.casusId, body),
    };
  },
};
