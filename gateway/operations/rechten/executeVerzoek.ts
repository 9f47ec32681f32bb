import { callerOf } from '../../http/caller-of.js';
import { voerVerzoekUit } from '../../rechten/verzoeken/uitvoeren.js';
import type { Operation } from '../operation.js';
import { zvhPrivacyOfficer } from '../roles.js';

/** Carries out an erasure, restriction, objection or rectification request and tells the recipients. */
export const executeVerzoek: Operation<'executeVerzoek'> = {
  roles: zvhPrivacyOfficer,
  async handle({ params, body, caller }, { useCases, identity, ledger }) {
    return {
      status: 200,
      body: await voerVerzoekUit(
        { ...useCases, keys: identity.keys, ledger },
        callerOf(caller),
        params.verzoekId,
        body ?? {},
      ),
    };
  },
};
