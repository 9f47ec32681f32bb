import { persoonCasussen } from '../../cases/persoon-casussen.js';
import { callerOf } from '../../http/caller-of.js';
import type { Operation } from '../operation.js';
import { zvhRegisseur } from '../roles.js';

/** A person's casussen and household across them: a disclosure, logged before it leaves. */
export const findPersoonCasussen: Operation<'findPersoonCasussen'> = {
  roles: zvhRegisseur,
  async handle({ body, caller, ctx }, { useCases }) {
    return { status: 200, disclosure: await persoonCasussen(useCases, callerOf(caller), body.bsn, ctx.traceId) };
  },
};
