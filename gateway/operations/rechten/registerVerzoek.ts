import { contractUrl } from '../../../openapi/contract-url.js';
import { callerOf } from '../../http/caller-of.js';
import { registreerVerzoek } from '../../rechten/verzoeken/registreer-verzoek.js';
import { samenvatting } from '../../rechten/verzoeken/verzoek-weergave.js';
import { verzoekScopeOf } from '../../rechten/verzoeken/verzoek-scope.js';
import { eigenRegimes } from '../../rechten/verzoeken/verzoek-weergave.js';
import { vindVerzoek } from '../../rechten/verzoeken/vind-verzoek.js';
import type { Operation } from '../operation.js';
import { privacyOfficer } from '../roles.js';

/** Registers a request; the answer points at it and never echoes the BSN. */
export const registerVerzoek: Operation<'registerVerzoek'> = {
  roles: privacyOfficer,
  async handle({ body, caller }, { useCases, contract }) {
    const who = callerOf(caller);
    const { id } = await registreerVerzoek(useCases, who, body);
    const scope = verzoekScopeOf(who);
    const r = await vindVerzoek(useCases.store, scope, id);
    return {
      status: 201,
      body: samenvatting(r, await eigenRegimes(useCases, scope)),
      location: contractUrl(contract, 'getVerzoek', { verzoekId: id }),
    };
  },
};
