import { contractUrl } from '../../../openapi/contract-url.js';
import type { Operation } from '../operation.js';
import { zvhBeheerder } from '../roles.js';
import { actorOf } from './actor-of.js';

/** Registers a partner; the answer points at it. */
export const registerPartner: Operation<'registerPartner'> = {
  roles: zvhBeheerder,
  async handle({ body, caller }, { admin, contract }) {
    const partner = await admin.register(body, actorOf(caller));
    return { status: 201, body: partner, location: contractUrl(contract, 'getPartner', { partnerId: partner.id }) };
  },
};
