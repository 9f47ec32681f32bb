import { verplaatsCasus } from '../../cases/verplaats-casus.js';
import { callerOf } from '../../http/caller-of.js';
import type { Operation } from '../operation.js';
import { zvhRegisseur } from '../roles.js';

/** One step through the lifecycle; a step outside the table is a 409 naming the allowed ones. */
export const createCasusOvergang: Operation<'createCasusOvergang'> = {
  roles: zvhRegisseur,
  async handle({ params, body, caller }, { useCases }) {
    return { status: 201, body: await verplaatsCasus(useCases, callerOf(caller), params.casusId, body) };
  },
};
