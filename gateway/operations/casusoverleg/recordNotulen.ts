import { recordNotulen as record } from '../../casusoverleg/record-notulen.js';
import type { Operation } from '../operation.js';
import { zvhRegisseur } from '../roles.js';

/** Minutes and agreements of one agenda item. */
export const recordNotulen: Operation<'recordNotulen'> = {
  roles: zvhRegisseur,
  async handle({ params, body }, { useCases }) {
    return { status: 201, body: await record(useCases, params.overlegId, params.agendapuntId, body) };
  },
};
