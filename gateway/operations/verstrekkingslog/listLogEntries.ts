import { listLogEntries as list } from '../../disclosure/list-log-entries.js';
import { logScopeOf } from '../../disclosure/log-scope.js';
import { callerOf } from '../../http/caller-of.js';
import type { Operation } from '../operation.js';
import { privacyOfficer } from '../roles.js';

/** Log entries `van` up to `tot` (at most 1000), with their leaf hashes. */
export const listLogEntries: Operation<'listLogEntries'> = {
  roles: privacyOfficer,
  async handle({ query, caller }, { ledger }) {
    return { status: 200, body: { regels: await list(ledger, query.van, query.tot, logScopeOf(callerOf(caller))) } };
  },
};
