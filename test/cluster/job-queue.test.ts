import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { inProcessJobs } from '../../gateway/jobs/in-process-jobs.js';
import type { JobQueue } from '../../gateway/jobs/job-queue.js';
import { pgBossJobs } from '../../gateway/jobs/pg-boss-jobs.js';
import { createTestDatabase, testProvider, type TestDatabase } from '../support/test-store.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const failures: unknown[] = [];
const onError = (_name: string, err: unknown) => void failures.push(err);

async function until(what: string, check: () => boolean): Promise<void> {
  for (let waited = 0; !check(); waited += 100) {
    if (waited > 30_000) throw new Error(`not within 30 s: ${what}`);
    await sleep(100);
  }
}

describe('the job queue', () => {
  let db: TestDatabase;
  const queues: JobQueue[] = [];
  before(async () => {
    db = await createTestDatabase();
  });
  after(async () => {
    for (const q of queues) await q.stop();
    await db?.drop();
  });
  /** Two queues on one database stand for two processes (on SQLite: one queue, the only process). */
  const open = async (): Promise<JobQueue> => {
    const q =
      testProvider() === 'postgresql'
        ? await pgBossJobs(db.url, onError, { pollingSeconds: 0.5 })
        : inProcessJobs(onError);
    queues.push(q);
    return q;
  };

  it('runs each one-off job once, whichever process picks it up', async () => {
    const [a, b] = testProvider() === 'postgresql' ? [await open(), await open()] : [await open(), undefined];
    const runs: string[] = [];
    const handler = async ({ nr }: { nr: string }) => void runs.push(nr);
    await a.handle('import-taak', handler);
    await b?.handle('import-taak', handler);
    const sent = ['een', 'twee', 'drie', 'vier', 'vijf', 'zes'];
    for (const nr of sent) await (b ?? a).enqueue('import-taak', { nr });
    await until('every job ran', () => runs.length >= sent.length);
    await sleep(1500); // a second run would come from the other queue's next poll
    assert.deepEqual([...runs].sort(), [...sent].sort(), 'each job ran exactly once');
    assert.deepEqual(failures, []);
  });

  it('runs a recurring task once per interval across processes, not once per process', async () => {
    const [a, b] = testProvider() === 'postgresql' ? [await open(), await open()] : [await open(), await open()];
    let runs = 0;
    const work = async () => void runs++;
    await a.recurring('telling', 2, work);
    // On SQLite each queue is a process of its own; only PostgreSQL shares the slot.
    if (testProvider() === 'postgresql') await b.recurring('telling', 2, work);
    await until('the task ran', () => runs >= 1);
    const first = runs;
    await sleep(4500);
    assert.ok(runs - first <= 3, `at most one run per 2-second slot over 4.5 s, not one per process (${runs - first})`);
    assert.ok(runs - first >= 1, 'and it keeps running');
  });
});
