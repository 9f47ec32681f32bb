import { nodigUit } from '../../cases/nodig-uit.js';
import { callerOf } from '../../http/caller-of.js';
import type { Operation } from '../operation.js';
import { zvhRegisseur } from '../roles.js';

/** Adds a partner to a casus, as participant or incidentally, for a recorded reason. */
export const addDeelnemer: Operation<'addDeelnemer'> = {
  roles: zvhRegisseur,
  async handle({ params, body, caller }, { useCases }) {
    const vraag = { partner: body.partner, rol: body.rol ?? 'deelnemer', reden: body.reden ?? 'need-to-know' };
    return { status: 201, body: await nodigUit(useCases, callerOf(caller), params.casusId, vraag) };
  },
};
