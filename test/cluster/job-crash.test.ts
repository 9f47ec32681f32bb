import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { after, before, describe, it } from 'node:test';
import type { JobQueue } from '../../gateway/jobs/job-queue.js';
import { pgBossJobs } from '../../gateway/jobs/pg-boss-jobs.js';
import { exitOf } from '../support/exit-of.js';
import { TEST_TIMINGS } from '../support/job-process.js';
import { createTestDatabase, testProvider, type TestDatabase } from '../support/test-store.js';

const skip =
  testProvider() !== 'postgresql' &&
  'crash survival is pg-boss on PostgreSQL; on SQLite the one process keeps its jobs in memory and a crash loses the ones not yet run (the recurring tasks come back with the next start)';
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface Worker {
  child: ChildProcess;
  lines: () => string[];
}

/** A job process of its own (test/support/job-process.ts), ready once it says so. */
async function startWorker(url: string, speed: 'slow' | 'quick'): Promise<Worker> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'test/support/job-process.ts', url, speed], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  child.stdout!.on('data', (c: Buffer) => (out += c.toString()));
  const lines = () => out.split('\n').filter(Boolean);
  for (let waited = 0; !lines().some((l) => l.includes('"ready"')); waited += 100) {
    if (waited > 60_000 || child.exitCode !== null) throw new Error(`job process did not start: ${out}`);
    await sleep(100);
  }
  return { child, lines };
}

describe('a job whose process dies, or that nobody was there to run', { skip }, () => {
  let db: TestDatabase;
  const children: ChildProcess[] = [];
  let sender: JobQueue | undefined;
  before(async () => {
    db = await createTestDatabase();
    await db.store.db.$executeRawUnsafe('CREATE TABLE proef_klaar (nr text NOT NULL, pid int NOT NULL)');
  });
  after(async () => {
    for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
    await sender?.stop();
    await db?.drop();
  });
  const finished = () =>
    db.store.db.$queryRawUnsafe<{ nr: string; pid: number }[]>('SELECT nr, pid FROM proef_klaar ORDER BY nr');

  it(
    'is run to the end once, by another process, after a SIGKILL mid-job or an enqueue while none ran',
    { timeout: 120_000 },
    async () => {
      sender = await pgBossJobs(db.url, () => undefined, TEST_TIMINGS);
      const first = await startWorker(db.url, 'slow');
      children.push(first.child);
      await sender.enqueue('proef-taak', { nr: 'a-onderbroken' });
      for (let waited = 0; !first.lines().some((l) => l.includes('a-onderbroken')); waited += 100) {
        assert.ok(waited < 30_000, `the first process starts the job: ${first.lines().join(' ')}`);
        await sleep(100);
      }
      first.child.kill('SIGKILL');
      await exitOf(first.child);
      // Now no process works the queue: these wait in the database.
      await sender.enqueue('proef-taak', { nr: 'b-later' });
      await sender.enqueue('proef-taak', { nr: 'c-later' });

      const second = await startWorker(db.url, 'quick');
      children.push(second.child);
      for (let waited = 0; (await finished()).length < 3; waited += 250) {
        assert.ok(waited < 60_000, `all three jobs finish: ${JSON.stringify(await finished())}`);
        await sleep(250);
      }
      // Longer than expiry + maintenance + retry delay: a second run would have come by now.
      const { expireSeconds, maintenanceSeconds, retryDelaySeconds } = TEST_TIMINGS;
      await sleep((expireSeconds + maintenanceSeconds + retryDelaySeconds) * 1000 + 2000);
      const pid = second.child.pid!;
      assert.deepEqual(
        await finished(),
        [
          { nr: 'a-onderbroken', pid },
          { nr: 'b-later', pid },
          { nr: 'c-later', pid },
        ],
        'each job finished exactly once, by the second process',
      );
      assert.ok(
        first.lines().every((l) => !l.includes('b-later') && !l.includes('c-later')),
        'the dead process ran nothing more',
      );
    },
  );
});
