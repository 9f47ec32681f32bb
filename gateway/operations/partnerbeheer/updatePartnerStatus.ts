import type { Operation } from '../operation.js';
import { zvhBeheerder } from '../roles.js';
import { actorOf } from './actor-of.js';

/** Suspends or reactivates a partner. */
export const updatePartnerStatus: Operation<'updatePartnerStatus'> = {
  roles: zvhBeheerder,
  async handle({ params, body, caller }, { admin }) {
    return { status: 200, body: await admin.setStatus(params.partnerId, body.status, actorOf(caller)) };
  },
};
