import PgBoss from 'pg-boss';
import { assertJobName, type JobQueue } from './job-queue.js';

export interface PgBossTimings {
  /** How often an idle worker asks for a job. */
  pollingSeconds?: number;
  /**
   * How long a job may run before it counts as crashed (its process died: no one will finish it) and is
   * retried by another process. Longer than any honest run (an import of a large file), or a slow
   * job would be run twice at once: 15 minutes.
   */
  expireSeconds?: number;
  /** How often one process (whichever gets the slot) looks for expired jobs: 60 s. */
  maintenanceSeconds?: number;
  /** The pause before a failed or expired job is tried again: 5 s. */
  retryDelaySeconds?: number;
}

/**
 * A job whose process died comes back after at most `expireSeconds + maintenanceSeconds +
 * retryDelaySeconds` (about 16 minutes by default); tests shorten all three to seconds.
 */
const PRODUCTION: Required<PgBossTimings> = {
  pollingSeconds: 2,
  expireSeconds: 15 * 60,
  maintenanceSeconds: 60,
  retryDelaySeconds: 5,
};

/**
 * N processes on PostgreSQL: pg-boss in its own schema `pgboss` (not Prisma's: migrations and drift
 * checks never see it). A job is fetched by one process (`SKIP LOCKED`); one that was running when its
 * process died expires and is retried. A recurring task is sent by every process's timer into a
 * singleton slot of its interval, so it is queued once per interval whoever ticks first, and survives
 * the death of any one process.
 */
export async function pgBossJobs(
  connectionString: string,
  onError: (name: string, err: unknown) => void,
  options: PgBossTimings = {},
): Promise<JobQueue> {
  const timings = { ...PRODUCTION, ...options };
  const boss = new PgBoss({
    connectionString,
    schema: 'pgboss',
    application_name: `knooppunt-jobs-${process.pid}`,
    max: 3,
    // Cron scheduling is not used (minute granularity); our timers send into singleton slots instead.
    schedule: false,
    maintenanceIntervalSeconds: timings.maintenanceSeconds,
  });
  boss.on('error', (err) => onError('pg-boss', err));
  await boss.start();
  const pollingIntervalSeconds = timings.pollingSeconds;
  const timers = new Set<NodeJS.Timeout>();
  const queues = new Set<string>();
  const queue = async (name: string) => {
    assertJobName(name);
    if (queues.has(name)) return;
    await boss.createQueue(name, {
      name,
      retryLimit: 3,
      retryDelay: timings.retryDelaySeconds,
      expireInSeconds: timings.expireSeconds,
    });
    queues.add(name);
  };
  const work = async (name: string, run: (data: object) => Promise<void>) => {
    await boss.work<object>(name, { pollingIntervalSeconds, batchSize: 1 }, async ([job]) => {
      if (!job) return;
      try {
        await run(job.data);
      } catch (err) {
        onError(name, err);
        throw err; // pg-boss marks it failed and retries it
      }
    });
  };

  return {
    async recurring(name, everySeconds, run) {
      await queue(name);
      await work(name, () => run());
      const tick = () =>
        void boss
          .send(name, {}, { singletonKey: name, singletonSeconds: everySeconds, retryLimit: 0 })
          .catch((err: unknown) => onError(name, err));
      tick();
      const timer = setInterval(tick, Math.max(1, everySeconds / 2) * 1000);
      timer.unref();
      timers.add(timer);
    },
    async handle(name, run) {
      await queue(name);
      await work(name, run as (data: object) => Promise<void>);
    },
    async enqueue(name, data) {
      await queue(name);
      const id = await boss.send(name, data);
      if (!id) throw new Error(`job ${name} not queued`);
      return id;
    },
    async stop() {
      for (const t of timers) clearInterval(t);
      await boss.stop({ graceful: true, timeout: 10_000, wait: true });
    },
  };
}
