import { callerOf } from '../../http/caller-of.js';
import { addDeelnemer as add } from '../../intake/koppelvoorstellen.js';
import type { Operation } from '../operation.js';
import { zvhRegisseur } from '../roles.js';

/** Adds a partner to a casus, as participant or incidentally. */
export const addDeelnemer: Operation<'addDeelnemer'> = {
  roles: zvhRegisseur,
  async handle({ params, body, caller }, { useCases }) {
    return {
      status: 201,
      body: await add(useCases, callerOf(caller), params.casusId, body.partner, body.rol ?? 'deelnemer'),
    };
  },
};
