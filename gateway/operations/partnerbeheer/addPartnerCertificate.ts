import { jsonSafe } from '../../http/json-safe.js';
import type { Operation } from '../operation.js';
import { zvhBeheerder } from '../roles.js';
import { actorOf } from './actor-of.js';

/** Registers a client certificate for a partner. */
export const addPartnerCertificate: Operation<'addPartnerCertificate'> = {
  roles: zvhBeheerder,
  async handle({ params, body, caller }, { admin }) {
    return { status: 201, body: jsonSafe(await admin.addCertificate(params.partnerId, body.pem, actorOf(caller))) };
  },
};
