import { alleAbonnementen } from '../../meldingen/webhook-beheer.js';
import type { Operation } from '../operation.js';
import { zvhBeheerder } from '../roles.js';

/** All partners' endpoints, for the ZVH's beheerders. */
export const listWebhooks: Operation<'listWebhooks'> = {
  roles: zvhBeheerder,
  async handle(_request, { useCases }) {
    return { status: 200, body: { abonnementen: await alleAbonnementen(useCases.store) } };
  },
};
