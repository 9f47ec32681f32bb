import { addAgendapunt as add } from '../../casusoverleg/plan-overleg.js';
import type { Operation } from '../operation.js';
import { zvhRegisseur } from '../roles.js';

/** Puts a casus on a meeting's agenda with its invitees. */
export const addAgendapunt: Operation<'addAgendapunt'> = {
  roles: zvhRegisseur,
  async handle({ params, body }, { useCases }) {
    return { status: 201, body: await add(useCases, params.overlegId, body) };
  },
};
