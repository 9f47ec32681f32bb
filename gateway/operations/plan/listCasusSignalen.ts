import { callerOf } from '../../http/caller-of.js';
import { listCasusSignalen as list } from '../../signalen/list-casus-signalen.js';
import type { Operation } from '../operation.js';
import { signaalLezer } from '../roles.js';

/** Open signals for the regisseur; escalated ones for the ketenmanager. */
export const listCasusSignalen: Operation<'listCasusSignalen'> = {
  roles: signaalLezer,
  async handle({ caller }, { useCases }) {
    return { status: 200, body: await list(useCases, callerOf(caller)) };
  },
};
