import { randomUUID } from 'node:crypto';
import { assertJobName, type JobQueue } from './job-queue.js';

/**
 * The embedded default (SQLite, one process): timers and a queue in memory. A one-off job queued
 * before a crash is not run after it; on SQLite the only one-off jobs are started by an operator, who
 * sees the process stop and starts them again. A failed run is reported and not retried.
 */
export function inProcessJobs(onError: (name: string, err: unknown) => void): JobQueue {
  const timers = new Set<NodeJS.Timeout>();
  const handlers = new Map<string, (data: object) => Promise<void>>();
  const running = new Set<Promise<void>>();
  let stopped = false;
  const run = (name: string, work: () => Promise<void>) => {
    const p = work()
      .catch((err: unknown) => onError(name, err))
      .finally(() => running.delete(p));
    running.add(p);
  };
  return {
    async recurring(name, everySeconds, work) {
      assertJobName(name);
      let busy = false;
      const timer = setInterval(() => {
        // A slow run is not overlapped by the next one, as pg-boss's singleton slot also ensures.
        if (busy || stopped) return;
        busy = true;
        run(name, () => work().finally(() => (busy = false)));
      }, everySeconds * 1000);
      timer.unref();
      timers.add(timer);
    },
    async handle(name, work) {
      assertJobName(name);
      handlers.set(name, work as (data: object) => Promise<void>);
    },
    async enqueue(name, data) {
      const work = handlers.get(name);
      if (!work) throw new Error(`no handler for job ${name}`);
      const id = randomUUID();
      setImmediate(() => !stopped && run(name, () => work(data)));
      return id;
    },
    async stop() {
      stopped = true;
      for (const t of timers) clearInterval(t);
      await Promise.allSettled([...running]);
    },
  };
}
