import { callerOf } from '../../http/caller-of.js';
import { koppelvoorstelOverzicht } from '../../intake/koppelvoorstel-overzicht.js';
import type { Operation } from '../operation.js';
import { zvhRegisseur } from '../roles.js';

/**
 * Proposals to link records that may be the same person, the two records side by side as far as the
 * covenant lets the regisseur see them: a disclosure, logged before it leaves.
 */
export const listKoppelvoorstellen: Operation<'listKoppelvoorstellen'> = {
  roles: zvhRegisseur,
  async handle({ caller, ctx }, { useCases }) {
    return { status: 200, disclosure: await koppelvoorstelOverzicht(useCases, callerOf(caller), ctx.traceId) };
  },
};
