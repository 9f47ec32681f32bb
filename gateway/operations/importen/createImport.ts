import { contractUrl } from '../../../openapi/contract-url.js';
import { callerOf } from '../../http/caller-of.js';
import { createImportTaak } from '../../import/import-taak.js';
import { importStatus } from '../../import/import-status.js';
import { queueImport } from '../../import/import-jobs.js';
import type { Operation } from '../operation.js';

/**
 * Stores the upload as a task and queues it once the task is committed; some process runs it (see
 * `registerImportJobs`). Queueing that fails (the database gone that moment) is made good by the sweep.
 */
export const createImport: Operation<'createImport'> = {
  async handle({ query, body, raw, caller }, { useCases, contract, jobs }) {
    const who = callerOf(caller);
    const csv = raw.is('text/csv') === 'text/csv';
    const tekst = csv ? String(body) : JSON.stringify(body);
    const id = await createImportTaak(useCases, who, { profiel: query.profiel, formaat: csv ? 'csv' : 'json', tekst });
    const status = await importStatus(useCases, who, id);
    await queueImport(jobs, id).catch(() => undefined);
    return { status: 202, body: status, location: contractUrl(contract, 'getImport', { importId: id }) };
  },
};
