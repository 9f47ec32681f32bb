import type { GatewayKeys } from '../../adapters/crypto/gateway-keys.js';
import { runRetention } from '../bewaartermijnen/run-retention.js';
import { registerImportJobs } from '../import/import-jobs.js';
import type { Clock } from '../clock.js';
import type { Config } from '../config/config-schema.js';
import { deliverMeldingen } from '../meldingen/deliver-meldingen.js';
import { runTermijnSignalen } from '../rechten/verzoeken/termijn-signalen.js';
import { runCasusSignalen } from '../signalen/run-casus-signalen.js';
import type { UseCaseDeps } from '../use-case-deps.js';
import type { JobQueue } from './job-queue.js';

/** What background work is given: the use cases' dependencies, as the HTTP handlers get them. */
export interface BackgroundDeps {
  useCases: UseCaseDeps;
  clock: Clock;
  keys: GatewayKeys;
  config: Pick<Config, 'webhookMaxAttempts' | 'webhookTimeoutMs' | 'webhookAllowPrivate'>;
  /** Where a casus lives in the API (import reports link every casus they made). */
  casusUrl: (casusId: string) => string;
}

/** How often each task runs, in seconds: webhooks soon after their change, the rest at a calmer pace. */
export const INTERVALS = { webhooks: 15, casusSignalen: 3600, termijnSignalen: 3600, retentie: 24 * 3600 } as const;

/**
 * Every recurring task and one-off job of the gateway, registered once per process; the queue runs
 * each once across processes (pg-boss on PostgreSQL, in memory on SQLite). Each task is idempotent:
 * a run that is repeated after a crash does no harm.
 */
export async function registerBackgroundWork(jobs: JobQueue, d: BackgroundDeps): Promise<void> {
  const { useCases, clock, keys, config } = d;
  // Signed webhooks from the outbox, with backoff and a dead-letter list (gateway/meldingen/).
  await jobs.recurring('webhooks-afleveren', INTERVALS.webhooks, async () => {
    await deliverMeldingen(
      {
        store: useCases.store,
        keys,
        maxAttempts: config.webhookMaxAttempts,
        post: { timeoutMs: config.webhookTimeoutMs, allowPrivate: config.webhookAllowPrivate },
      },
      clock.now(),
    );
  });
  // Overdue interventions and stagnating casussen, signalled once and escalated (gateway/signalen/).
  await jobs.recurring('casus-signalen', INTERVALS.casusSignalen, async () => {
    await runCasusSignalen(useCases, clock.now());
  });
  // Subject-rights requests due within a week or overdue, recorded once per deadline (gateway/rechten/).
  await jobs.recurring('termijn-signalen', INTERVALS.termijnSignalen, async () => {
    await runTermijnSignalen(useCases, clock.now());
  });
  // The covenant's bewaartermijn per category (gateway/bewaartermijnen/); counts only in its report.
  await jobs.recurring('retentie', INTERVALS.retentie, async () => {
    await runRetention(useCases, { dryRun: false, now: clock.now() });
  });
  // Bulk imports: queued by POST /importen, resumed after a crash (gateway/import/).
  await registerImportJobs(jobs, useCases, d.casusUrl);
}
