import { callerOf } from '../../http/caller-of.js';
import { jsonSafe } from '../../http/json-safe.js';
import { decideKoppelvoorstel as decide } from '../../intake/koppelvoorstellen.js';
import type { Operation } from '../operation.js';
import { zvhRegisseur } from '../roles.js';

/** Merges or rejects a link proposal. */
export const decideKoppelvoorstel: Operation<'decideKoppelvoorstel'> = {
  roles: zvhRegisseur,
  async handle({ params, body, caller }, { useCases }) {
    const besluit = await decide(useCases, callerOf(caller), params.voorstelId, body.besluit, body.motivering);
    return { status: 201, body: jsonSafe(besluit) };
  },
};
