import { callerOf } from '../../http/caller-of.js';
import { jsonSafe } from '../../http/json-safe.js';
import { decideKoppelvoorstel as decide } from '../../intake/koppelvoorstellen.js';
import type { Operation } from '../operation.js';
import { zvhRegisseur } from '../roles.js';

/** Merges or rejects a link proposal. */
export const decideKoppelvoorstel: Operation<'decideKoppelvoorstel'> = {
  roles: zvhRegisseur,
  async handle({ params, body, caller }, { useCases }) {
    const { db, clock } = useCases;
    const besluit = await decide(db, clock, callerOf(caller), params.voorstelId, body.besluit, body.motivering);
    return { status: 201, body: jsonSafe(besluit) };
  },
};
