import { callerOf } from '../../http/caller-of.js';
import { herberekenTermijn } from '../../rechten/verzoeken/herbereken-termijn.js';
import type { Operation } from '../operation.js';
import { zvhPrivacyOfficer } from '../roles.js';

/** Recomputes a request's regimes and deadline. */
export const recomputeVerzoekTermijn: Operation<'recomputeVerzoekTermijn'> = {
  roles: zvhPrivacyOfficer,
  async handle({ params, caller }, { useCases }) {
    await herberekenTermijn(useCases, callerOf(caller), params.verzoekId);
    return { status: 204 };
  },
};
