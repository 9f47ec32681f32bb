import { inProcessJobs } from './in-process-jobs.js';
import type { JobQueue } from './job-queue.js';
import { pgBossJobs } from './pg-boss-jobs.js';

/** The job queue for a database: pg-boss on PostgreSQL (shared by all processes), in memory on SQLite. */
export function openJobQueue(databaseUrl: string, onError: (name: string, err: unknown) => void): Promise<JobQueue> {
  return /^postgres(ql)?:\/\//.test(databaseUrl)
    ? pgBossJobs(databaseUrl, onError)
    : Promise.resolve(inProcessJobs(onError));
}
