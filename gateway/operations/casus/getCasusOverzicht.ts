import { casusOverzicht } from '../../cases/casus-overzicht.js';
import { callerOf } from '../../http/caller-of.js';
import type { Operation } from '../operation.js';
import { zvhRegisseur } from '../roles.js';

/** The regisseur's overview of a casus: a disclosure, logged before it leaves. */
export const getCasusOverzicht: Operation<'getCasusOverzicht'> = {
  roles: zvhRegisseur,
  async handle({ params, caller, ctx }, { useCases }) {
    return { status: 200, disclosure: await casusOverzicht(useCases, callerOf(caller), params.casusId, ctx.traceId) };
  },
};
