import type { Clock } from '../clock.js';
import type { UseCaseDeps } from '../use-case-deps.js';
import type { JobQueue } from './job-queue.js';

/** What background work is given: the use cases' dependencies, as the HTTP handlers get them. */
export interface BackgroundDeps {
  useCases: UseCaseDeps;
  clock: Clock;
}

/**
 * Every recurring task and one-off job of the gateway, registered once per process; the queue runs
 * each once across processes. One line per task, e.g.
 * `await jobs.recurring('retentie', 3600, () => runRetention(d.useCases, { dryRun: false, now: d.clock.now() }))`
 * `await jobs.handle<{ id: string }>('import-taak', ({ id }) => runImportTaak(d.useCases, id))`.
 */
export async function registerBackgroundWork(jobs: JobQueue, d: BackgroundDeps): Promise<void> {
  void jobs;
  void d;
}
