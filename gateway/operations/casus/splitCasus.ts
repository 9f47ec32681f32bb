import { splits } from '../../cases/samenvoegen.js';
import { callerOf } from '../../http/caller-of.js';
import type { Operation } from '../operation.js';
import { zvhRegisseur } from '../roles.js';

/** Splits betrokkenen off into a new casus. */
export const splitCasus: Operation<'splitCasus'> = {
  roles: zvhRegisseur,
  async handle({ params, body, caller }, { useCases }) {
    return { status: 201, body: await splits(useCases, callerOf(caller), params.casusId, body) };
  },
};
