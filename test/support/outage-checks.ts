import { verifyLedger, type VerifyReport } from '../../adapters/ledger/verify-ledger.js';
import { loadLogSigningKey, noteSigner, noteVerifier } from '../../adapters/ledger/signed-note.js';
import { openStore } from '../../adapters/store/open-store.js';
import { keyPaths } from '../../gateway/bootstrap/key-paths.js';
import { DISCLOSURE_LOG } from '../../gateway/disclosure/log-id.js';
import type { OutageTally } from './outage-load.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls `check` until it holds or `ms` pass; answers whether it held. */
export async function eventually(ms: number, check: () => Promise<boolean>): Promise<boolean> {
  for (const until = Date.now() + ms; Date.now() < until; await sleep(250))
    if (await check().catch(() => false)) return true;
  return false;
}

/** Answers other than 200/201/503-with-Retry-After, and calls that got none: each one a failure. */
export function unexpectedAnswers(tally: OutageTally): string[] {
  return [
    ...tally.answers
      .filter((a) => ![200, 201, 503].includes(a.status) || (a.status === 503 && !(a.retryAfter >= 1)))
      .map((a) => `${a.what} ${a.status} (Retry-After ${a.retryAfter}): ${a.body}`),
    ...tally.unanswered,
  ];
}

/** The gateway's log lines about the unexpected answers (by their problem's logId), for a failed assertion. */
export function loggedAbout(output: string, unexpected: string[]): string {
  const ids = unexpected.flatMap((u) => /"logId":"([^"]+)"/.exec(u)?.[1] ?? []);
  return output
    .split('\n')
    .filter((line) => ids.some((id) => line.includes(id)))
    .join('\n');
}

export interface AfterTheOutage {
  /** Acknowledged referrals missing from the database. */
  lost: string[];
  /** `knooppunt ledger verify` over the disclosure log, against the key in the gateway's data dir. */
  ledger: VerifyReport;
  /** The size of the newest signed checkpoint. */
  newestCheckpoint: number;
  /** Entries in the log and one more than its highest index: equal when no index was skipped. */
  indices: { count: number; next: number };
}

/** What the database holds once it is back: the acknowledged writes, the log, its checkpoints. */
export async function afterTheOutage(
  databaseUrl: string,
  dataDir: string,
  acknowledged: string[],
): Promise<AfterTheOutage> {
  const store = await openStore(databaseUrl, { migrate: false });
  try {
    const stored = await store.db.$queryRawUnsafe<{ id: string }[]>(
      'SELECT id FROM "Casus" WHERE id = ANY($1::text[])',
      acknowledged,
    );
    const found = new Set(stored.map((r) => r.id));
    const verifier = noteVerifier(
      noteSigner(DISCLOSURE_LOG, loadLogSigningKey(keyPaths(dataDir).ledgerSigning)).verifierKey(),
    );
    const ledger = await verifyLedger(databaseUrl, store, DISCLOSURE_LOG, verifier, () => {}, { threads: 0 });
    const [idx] = await store.db.$queryRawUnsafe<{ count: bigint; next: bigint | null }[]>(
      'SELECT count(*) AS count, max(idx) + 1 AS next FROM "LedgerEntry" WHERE "logId" = $1',
      DISCLOSURE_LOG,
    );
    return {
      lost: acknowledged.filter((id) => !found.has(id)),
      ledger,
      newestCheckpoint: await newest(store.db),
      indices: { count: Number(idx?.count ?? 0), next: Number(idx?.next ?? 0) },
    };
  } finally {
    await store.close();
  }
}

async function newest(db: Awaited<ReturnType<typeof openStore>>['db']): Promise<number> {
  const [row] = await db.$queryRawUnsafe<{ size: bigint | null }[]>(
    'SELECT max(size) AS size FROM "LedgerCheckpoint" WHERE "logId" = $1',
    DISCLOSURE_LOG,
  );
  return Number(row?.size ?? 0);
}

/** Waits (up to `ms`) until a checkpoint covers at least `size` entries: the checkpointer signs again. */
export async function untilCheckpointed(databaseUrl: string, size: number, ms = 60_000): Promise<number> {
  const store = await openStore(databaseUrl, { migrate: false });
  try {
    let seen = 0;
    for (const until = Date.now() + ms; Date.now() < until; await sleep(500)) {
      seen = await newest(store.db).catch(() => seen);
      if (seen >= size) break;
    }
    return seen;
  } finally {
    await store.close();
  }
}

/** The `application_name`s of the gateway's LISTEN connections: one per process, named by its pid. */
export async function listeners(databaseUrl: string): Promise<string[]> {
  const store = await openStore(databaseUrl, { migrate: false });
  try {
    const rows = await store.db.$queryRawUnsafe<{ name: string }[]>(
      `SELECT DISTINCT application_name AS name FROM pg_stat_activity
        WHERE datname = current_database() AND application_name LIKE 'knooppunt-notices-%' ORDER BY 1`,
    );
    return rows.map((r) => r.name);
  } finally {
    await store.close();
  }
}
