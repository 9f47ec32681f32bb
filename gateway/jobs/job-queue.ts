/** Background work of the gateway: recurring tasks and one-off jobs, each run once across all processes. */
export interface JobQueue {
  /**
   * Runs `work` every `everySeconds`, once per interval across all processes (not once per process).
   * One line to register: `await jobs.recurring('retentie', 3600, () => runRetention(deps, { now: clock.now() }))`.
   */
  recurring(name: string, everySeconds: number, work: () => Promise<void>): Promise<void>;
  /** Registers the handler of the one-off jobs named `name` (e.g. an import task by its id). */
  handle<T extends object>(name: string, work: (data: T) => Promise<void>): Promise<void>;
  /** Queues a one-off job; it runs once on some process, again after a crash mid-way. Returns its id. */
  enqueue<T extends object>(name: string, data: T): Promise<string>;
  stop(): Promise<void>;
}

/** Job names: lower-case words and hyphens (pg-boss queue names, log fields). */
export function assertJobName(name: string): void {
  if (!/^[a-z][a-z0-9-]*$/.test(name)) throw new Error(`job name ${JSON.stringify(name)}: lower case and hyphens only`);
}
