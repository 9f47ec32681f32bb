import { callerOf } from '../../http/caller-of.js';
import { termijnbewaking } from '../../rechten/verzoeken/termijnbewaking.js';
import { verzoekScopeOf } from '../../rechten/verzoeken/verzoek-scope.js';
import type { Operation } from '../operation.js';
import { privacyOfficer } from '../roles.js';

/** Overdue requests, then those due soon, in the caller's scope. */
export const listVerzoekTermijnen: Operation<'listVerzoekTermijnen'> = {
  roles: privacyOfficer,
  async handle({ query, caller }, { useCases }) {
    const binnen = query?.binnen ?? 7;
    return {
      status: 200,
      body: { verzoeken: await termijnbewaking(useCases, verzoekScopeOf(callerOf(caller)), binnen) },
    };
  },
};
