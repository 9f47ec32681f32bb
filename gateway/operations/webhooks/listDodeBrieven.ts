import { dodeBrieven } from '../../meldingen/webhook-beheer.js';
import type { Operation } from '../operation.js';
import { zvhBeheerder } from '../roles.js';

/** The dead-letter list, for the ZVH's beheerders. */
export const listDodeBrieven: Operation<'listDodeBrieven'> = {
  roles: zvhBeheerder,
  async handle(_request, { useCases }) {
    return { status: 200, body: { dodeBrieven: await dodeBrieven(useCases.store) } };
  },
};
