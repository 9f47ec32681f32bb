import { callerOf } from '../../http/caller-of.js';
import { lijstVerzoeken } from '../../rechten/verzoeken/termijnbewaking.js';
import { verzoekScopeOf } from '../../rechten/verzoeken/verzoek-scope.js';
import type { Operation } from '../operation.js';
import { privacyOfficer } from '../roles.js';

/** The requests in the caller's scope. */
export const listVerzoeken: Operation<'listVerzoeken'> = {
  roles: privacyOfficer,
  async handle({ query, caller }, { useCases }) {
    return {
      status: 200,
      body: { verzoeken: await lijstVerzoeken(useCases, verzoekScopeOf(callerOf(caller)), query?.status) },
    };
  },
};
