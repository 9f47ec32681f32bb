import type { Operation } from '../operation.js';
import { zvhBeheerder } from '../roles.js';
import { actorOf } from './actor-of.js';

/** Registers a public key a partner signs its client assertions with. */
export const addPartnerKey: Operation<'addPartnerKey'> = {
  roles: zvhBeheerder,
  async handle({ params, body, caller }, { admin }) {
    return { status: 201, body: await admin.addKey(params.partnerId, body.jwk, actorOf(caller)) };
  },
};
