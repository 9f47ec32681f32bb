import type { Operation } from '../operation.js';
import { zvhBeheerder } from '../roles.js';
import { actorOf } from './actor-of.js';

/** Revokes one of a partner's certificates. */
export const revokePartnerCertificate: Operation<'revokePartnerCertificate'> = {
  roles: zvhBeheerder,
  async handle({ params, caller }, { admin }) {
    await admin.revokeCertificate(params.partnerId, params.fingerprint, actorOf(caller));
    return { status: 204 };
  },
};
