import { logScopeOf } from '../../disclosure/log-scope.js';
import { callerOf } from '../../http/caller-of.js';
import { searchLog as search } from '../../disclosure/review.js';
import type { Operation } from '../operation.js';
import { privacyOfficer } from '../roles.js';

/** Entries about a partner, doel, casus, person or period. */
export const searchLog: Operation<'searchLog'> = {
  roles: privacyOfficer,
  async handle({ body, caller }, { useCases: { store, dp }, reviewLedger: ledger }) {
    // A partner's privacy officer sees only entries of its own partner; the ZVH's officer sees all.
    const regels = await search({ store, dp, ledger }, body, logScopeOf(callerOf(caller)));
    return {
      status: 200,
      body: { regels: regels.map(({ index, leafHash, tijd, regel }) => ({ index, leafHash, tijd, regel })) },
    };
  },
};
