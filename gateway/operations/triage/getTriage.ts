import { callerOf } from '../../http/caller-of.js';
import { triageProposal } from '../../intake/triage.js';
import type { Operation } from '../operation.js';
import { zvhRegisseur } from '../roles.js';

/** The triage proposal for a casus: criteria met, suggested outcome. */
export const getTriage: Operation<'getTriage'> = {
  roles: zvhRegisseur,
  async handle({ params, caller }, { useCases }) {
    return { status: 200, body: await triageProposal(useCases, callerOf(caller), params.casusId) };
  },
};
