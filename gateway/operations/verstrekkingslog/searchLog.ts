import { searchLog as search } from '../../disclosure/review.js';
import type { Operation } from '../operation.js';
import { privacyOfficer } from '../roles.js';

/** Entries about a partner, doel, casus, person or period. */
export const searchLog: Operation<'searchLog'> = {
  roles: privacyOfficer,
  async handle({ body }, { useCases: { store, dp }, ledger }) {
    const regels = await search({ store, dp, ledger }, body);
    return {
      status: 200,
      body: { regels: regels.map(({ index, leafHash, tijd, regel }) => ({ index, leafHash, tijd, regel })) },
    };
  },
};
