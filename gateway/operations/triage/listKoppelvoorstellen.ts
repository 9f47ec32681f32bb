import { openKoppelvoorstellen } from '../../intake/koppelvoorstellen.js';
import type { Operation } from '../operation.js';
import { zvhRegisseur } from '../roles.js';

/** Proposals to link records that may be the same person, waiting for a decision. */
export const listKoppelvoorstellen: Operation<'listKoppelvoorstellen'> = {
  roles: zvhRegisseur,
  async handle(_request, { useCases }) {
    return { status: 200, body: await openKoppelvoorstellen(useCases) };
  },
};
