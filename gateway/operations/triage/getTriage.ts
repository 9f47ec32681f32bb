import { triageProposal } from '../../intake/triage.js';
import type { Operation } from '../operation.js';
import { zvhRegisseur } from '../roles.js';

/** The triage proposal for a casus: criteria met, suggested outcome. */
export const getTriage: Operation<'getTriage'> = {
  roles: zvhRegisseur,
  async handle({ params }, { useCases }) {
    return { status: 200, body: await triageProposal(useCases, params.casusId) };
  },
};
