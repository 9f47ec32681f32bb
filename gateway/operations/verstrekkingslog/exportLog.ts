import { logScopeOf } from '../../disclosure/log-scope.js';
import { callerOf } from '../../http/caller-of.js';
import { searchLog, toCsv, toLogboek } from '../../disclosure/review.js';
import type { Operation } from '../operation.js';
import { privacyOfficer } from '../roles.js';

/** Entries as a download: CSV, JSON, or Logboek Dataverwerkingen records. */
export const exportLog: Operation<'exportLog'> = {
  roles: privacyOfficer,
  async handle({ query, caller }, { useCases: { store, dp, clock }, reviewLedger: ledger }) {
    const { formaat, partner, doel, casus, van, tot } = query;
    const regels = await searchLog(
      { store, dp, ledger },
      { partner, doel, casus, van, tot },
      logScopeOf(callerOf(caller)),
    );
    const name = `verstrekkingen-${clock.now().toISOString().slice(0, 10)}`;
    if (formaat === 'csv')
      return {
        status: 200,
        filename: `${name}.csv`,
        attachment: { type: 'text/csv; charset=utf-8', text: toCsv(regels) },
      };
    if (formaat === 'logboek')
      return { status: 200, filename: `${name}.logboek.json`, attachment: { json: toLogboek(regels) } };
    return { status: 200, filename: `${name}.json`, attachment: { json: regels } };
  },
};
