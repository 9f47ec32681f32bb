import { createInterventie as create } from '../../plan/interventies.js';
import type { Operation } from '../operation.js';
import { zvhRegisseur } from '../roles.js';

/** The regisseur adds an intervention to the plan van aanpak. */
export const createInterventie: Operation<'createInterventie'> = {
  roles: zvhRegisseur,
  async handle({ params, body }, { useCases }) {
    return { status: 201, body: await create(useCases, params.casusId, body) };
  },
};
