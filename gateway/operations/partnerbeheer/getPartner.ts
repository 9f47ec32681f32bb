import { jsonSafe } from '../../http/json-safe.js';
import type { Operation } from '../operation.js';
import { zvhBeheerder } from '../roles.js';

/** One partner with its certificates and keys. */
export const getPartner: Operation<'getPartner'> = {
  roles: zvhBeheerder,
  async handle({ params }, { admin }) {
    return { status: 200, body: jsonSafe(await admin.show(params.partnerId)) };
  },
};
