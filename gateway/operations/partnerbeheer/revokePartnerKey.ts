import type { Operation } from '../operation.js';
import { zvhBeheerder } from '../roles.js';
import { actorOf } from './actor-of.js';

/** Revokes one of a partner's assertion keys. */
export const revokePartnerKey: Operation<'revokePartnerKey'> = {
  roles: zvhBeheerder,
  async handle({ params, caller }, { admin }) {
    await admin.revokeKey(params.partnerId, params.kid, actorOf(caller));
    return { status: 204 };
  },
};
