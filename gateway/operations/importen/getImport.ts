import { callerOf } from '../../http/caller-of.js';
import { importStatus } from '../../import/import-status.js';
import type { Operation } from '../operation.js';

/** Status and progress of the caller's own import. */
export const getImport: Operation<'getImport'> = {
  async handle({ params, caller }, { useCases }) {
    return { status: 200, body: await importStatus(useCases, callerOf(caller), params.importId) };
  },
};
