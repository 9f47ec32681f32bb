import { beeindigDeelname } from '../../cases/nodig-uit.js';
import { callerOf } from '../../http/caller-of.js';
import type { Operation } from '../operation.js';
import { zvhRegisseur } from '../roles.js';

/** Ends a partner's participation; from this answer on its pulls are refused. */
export const endDeelname: Operation<'endDeelname'> = {
  roles: zvhRegisseur,
  async handle({ params, body, caller }, { useCases }) {
    const ended = await beeindigDeelname(useCases, callerOf(caller), params.casusId, params.partnerId, body.reden);
    return { status: 201, body: ended };
  },
};
