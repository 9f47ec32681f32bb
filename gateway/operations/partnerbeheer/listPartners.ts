import type { Operation } from '../operation.js';
import { zvhBeheerder } from '../roles.js';

/** The partner registry. */
export const listPartners: Operation<'listPartners'> = {
  roles: zvhBeheerder,
  async handle(_request, { admin }) {
    return { status: 200, body: { partners: await admin.list() } };
  },
};
