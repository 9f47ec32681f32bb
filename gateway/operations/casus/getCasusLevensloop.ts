import { casusLevensloop } from '../../cases/verplaats-casus.js';
import type { Operation } from '../operation.js';
import { zvhRegisseur } from '../roles.js';

/** Status, next steps and history of a casus. */
export const getCasusLevensloop: Operation<'getCasusLevensloop'> = {
  roles: zvhRegisseur,
  async handle({ params }, { useCases }) {
    return { status: 200, body: await casusLevensloop(useCases, params.casusId) };
  },
};
