import { callerOf } from '../../http/caller-of.js';
import { jsonSafe } from '../../http/json-safe.js';
import { toonVerzoek } from '../../rechten/verzoeken/verzoek-weergave.js';
import { verzoekScopeOf } from '../../rechten/verzoeken/verzoek-scope.js';
import type { Operation } from '../operation.js';
import { privacyOfficer } from '../roles.js';

/** One request as the caller may see it. */
export const getVerzoek: Operation<'getVerzoek'> = {
  roles: privacyOfficer,
  async handle({ params, caller }, { useCases }) {
    return {
      status: 200,
      body: jsonSafe(await toonVerzoek(useCases, verzoekScopeOf(callerOf(caller)), params.verzoekId)),
    };
  },
};
