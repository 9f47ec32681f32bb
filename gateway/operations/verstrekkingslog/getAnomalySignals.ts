import { logScopeOf } from '../../disclosure/log-scope.js';
import { callerOf } from '../../http/caller-of.js';
import { anomalySignals } from '../../disclosure/review.js';
import type { Operation } from '../operation.js';
import { privacyOfficer } from '../roles.js';

/** Unusual disclosure patterns of the last 30 days, for the privacy officer to look into. */
export const getAnomalySignals: Operation<'getAnomalySignals'> = {
  roles: privacyOfficer,
  async handle({ caller }, { useCases: { clock }, reviewLedger: ledger }) {
    return {
      status: 200,
      body: { signalen: await anomalySignals(ledger, clock.now(), logScopeOf(callerOf(caller))) },
    };
  },
};
