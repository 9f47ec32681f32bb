import type { JobQueue } from '../jobs/job-queue.js';
import type { UseCaseDeps } from '../use-case-deps.js';
import { onderbrokenImportTaken, runImportTaak } from './run-import-taak.js';

export const IMPORT_JOB = 'import-taak';
/** How often one process looks for tasks that never started or whose process died. */
export const IMPORT_SWEEP_SECONDS = 60;

/**
 * Imports as background work: `POST /importen` queues the task once it is committed, some process runs
 * it (pg-boss: once across processes, again when its process dies mid-way), and a sweep queues what
 * fell between the cracks (a crash between commit and queueing, a job that ran out of retries while
 * the database was away). A task is claimed in the database before it runs, so a task queued twice
 * still runs once at a time; a resumed run imports no household twice.
 */
export async function registerImportJobs(
  jobs: JobQueue,
  useCases: UseCaseDeps,
  casusUrl: (casusId: string) => string,
): Promise<void> {
  await jobs.handle<{ id: string }>(IMPORT_JOB, async ({ id }) => {
    await runImportTaak(useCases, id, casusUrl);
  });
  await jobs.recurring('importen-hervatten', IMPORT_SWEEP_SECONDS, async () => {
    for (const id of await onderbrokenImportTaken(useCases, useCases.clock.now())) await queueImport(jobs, id);
  });
}

/** Queues one import task (after its row is committed). */
export async function queueImport(jobs: Pick<JobQueue, 'enqueue'>, id: string): Promise<void> {
  await jobs.enqueue(IMPORT_JOB, { id });
}
