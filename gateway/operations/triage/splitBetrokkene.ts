import { callerOf } from '../../http/caller-of.js';
import { splitBetrokkene as split } from '../../intake/koppelvoorstellen.js';
import type { Operation } from '../operation.js';
import { zvhRegisseur } from '../roles.js';

/** Undoes a merge: the record becomes a person of its own again. */
export const splitBetrokkene: Operation<'splitBetrokkene'> = {
  roles: zvhRegisseur,
  async handle({ params, body, caller }, { useCases }) {
    return { status: 201, body: await split(useCases, callerOf(caller), params.betrokkeneId, body.motivering) };
  },
};
