import { callerOf } from '../../http/caller-of.js';
import { wijzigStatus } from '../../rechten/verzoeken/wijzig-status.js';
import type { Operation } from '../operation.js';
import { zvhPrivacyOfficer } from '../roles.js';

/** Moves a request to its next state. */
export const changeVerzoekStatus: Operation<'changeVerzoekStatus'> = {
  roles: zvhPrivacyOfficer,
  async handle({ params, body, caller }, { useCases }) {
    await wijzigStatus(useCases, callerOf(caller), params.verzoekId, body);
    return { status: 204 };
  },
};
