import PgBoss from 'pg-boss';
import { assertJobName, type JobQueue } from './job-queue.js';

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
  options: { pollingSeconds?: number } = {},
): Promise<JobQueue> {
  const boss = new PgBoss({
    connectionString,
    schema: 'pgboss',
    application_name: `knooppunt-jobs-${process.pid}`,
    max: 3,
    // Cron scheduling is not used (minute granularity); our timers send into singleton slots instead.
    schedule: false,
  });
  boss.on('error', (err) => onError('pg-boss', err));
  await boss.start();
  const pollingIntervalSeconds = options.pollingSeconds ?? 2;
  const timers = new Set<NodeJS.Timeout>();
  const queues = new Set<string>();
  const queue = async (name: string) => {
    assertJobName(name);
    if (queues.has(name)) return;
    await boss.createQueue(name, { name, retryLimit: 3, retryDelay: 5, expireInSeconds: 15 * 60 });
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
