import { callerOf } from '../../http/caller-of.js';
import { verlengVerzoek } from '../../rechten/verzoeken/verleng-verzoek.js';
import type { Operation } from '../operation.js';
import { zvhPrivacyOfficer } from '../roles.js';

/** Extends a request's term. */
export const extendVerzoek: Operation<'extendVerzoek'> = {
  roles: zvhPrivacyOfficer,
  async handle({ params, body, caller }, { useCases }) {
    await verlengVerzoek(useCases, callerOf(caller), params.verzoekId, body);
    return { status: 204 };
  },
};
