import { callerOf } from '../../http/caller-of.js';
import { listInterventies as list } from '../../plan/interventies.js';
import type { Operation } from '../operation.js';

/** The interventions of a casus the caller owns (all of them for the ZVH). */
export const listInterventies: Operation<'listInterventies'> = {
  async handle({ params, caller }, { useCases }) {
    return { status: 200, body: await list(useCases, callerOf(caller), params.casusId) };
  },
};
