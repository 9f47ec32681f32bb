import { callerOf } from '../../http/caller-of.js';
import { trekWeglatingIn } from '../../rechten/verzoeken/weglatingen.js';
import type { Operation } from '../operation.js';
import { zvhPrivacyOfficer } from '../roles.js';

/** Withdraws a withholding; the history keeps it. */
export const deleteWeglating: Operation<'deleteWeglating'> = {
  roles: zvhPrivacyOfficer,
  async handle({ params, body, caller }, { useCases }) {
    await trekWeglatingIn(useCases, callerOf(caller), params.verzoekId, params.weglatingId, body.reden);
    return { status: 204 };
  },
};
