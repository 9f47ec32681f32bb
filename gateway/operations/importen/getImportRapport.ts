import { callerOf } from '../../http/caller-of.js';
import { importRapport } from '../../import/import-status.js';
import type { Operation } from '../operation.js';

/** The report of the caller's own finished import. */
export const getImportRapport: Operation<'getImportRapport'> = {
  async handle({ params, caller }, { useCases }) {
    return { status: 200, body: await importRapport(useCases, callerOf(caller), params.importId) };
  },
};
