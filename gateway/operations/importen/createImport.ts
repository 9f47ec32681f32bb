import { contractUrl } from '../../../openapi/contract-url.js';
import { callerOf } from '../../http/caller-of.js';
import { createImportTaak } from '../../import/import-taak.js';
import { importStatus } from '../../import/import-status.js';
import { runImportTaak } from '../../import/run-import-taak.js';
import type { Operation } from '../operation.js';

/**
 * Stores the upload as a task and starts it after the task is committed. In-process for now: the job
 * queue takes `runImportTaak` over; a crash in between is picked up by `hervatImportTaken` at start.
 */
export const createImport: Operation<'createImport'> = {
  async handle({ query, body, raw, caller }, { useCases, contract }) {
    const who = callerOf(caller);
    const csv = raw.is('text/csv') === 'text/csv';
    const tekst = csv ? String(body) : JSON.stringify(body);
    const id = await createImportTaak(useCases, who, { profiel: query.profiel, formaat: csv ? 'csv' : 'json', tekst });
    const status = await importStatus(useCases, who, id);
    // The task records its own failure; a store that is down at that moment leaves it for hervatImportTaken.
    void runImportTaak(useCases, id, (casusId) => contractUrl(contract, 'getCasus', { casusId })).catch(
      () => undefined,
    );
    return { status: 202, body: status, location: contractUrl(contract, 'getImport', { importId: id }) };
  },
};
