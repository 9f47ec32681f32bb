/**
 * A process that works the `proef-taak` queue, for the crash test: `node --import tsx job-process.ts <database url> slow|quick`.
 * Each job says on stdout when it starts; it is finished when its row is in `proef_klaar` (with this
 * pid). `slow` jobs take two minutes (the test SIGKILLs the process meanwhile); `quick` ones a moment.
 * The queue's timings are seconds instead of minutes, so a crashed job comes back while the test waits.
 */
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { pgBossJobs } from '../../gateway/jobs/pg-boss-jobs.js';

export const TEST_TIMINGS = { pollingSeconds: 0.5, expireSeconds: 4, maintenanceSeconds: 1, retryDelaySeconds: 1 };

const [url, speed] = process.argv.slice(2);
const isMain = !!process.argv[1] && fileURLToPath(import.meta.url) === realpathSync(process.argv[1]);
if (isMain && url && speed) {
  const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
  const db = new pg.Pool({ connectionString: url, max: 2 });
  const jobs = await pgBossJobs(url, (name, err) => console.error(`job ${name} failed: ${String(err)}`), TEST_TIMINGS);
  await jobs.handle<{ nr: string }>('proef-taak', async ({ nr }) => {
    console.log(JSON.stringify({ started: nr, pid: process.pid }));
    await sleep(speed === 'slow' ? 120_000 : 200);
    await db.query('INSERT INTO proef_klaar (nr, pid) VALUES ($1, $2)', [nr, process.pid]);
  });
  console.log(JSON.stringify({ ready: process.pid }));
}
