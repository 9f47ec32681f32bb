import type { Db } from './db-client.js';
import type { Provider } from './database-url.js';

/** Requests counted against one budget key in its current fixed window. */
export interface RateLimitCount {
  hits: number;
  resetAtMs: number;
}

/** Budgets in the `RateLimitTeller` table, so every gateway process spends from the same one. */
export interface RateLimitCounter {
  /** Counts one request; a window that has ended starts again at 1. One atomic statement. */
  increment(key: string, windowMs: number, nowMs: number): Promise<RateLimitCount>;
  get(key: string, nowMs: number): Promise<RateLimitCount | undefined>;
  decrement(key: string): Promise<void>;
  reset(key: string): Promise<void>;
  /** Removes windows that ended before `nowMs` (the table holds one row per active key). */
  prune(nowMs: number): Promise<number>;
}

const T = '"RateLimitTeller"';

// An upsert decides "new window or count on" in the database, so two processes never both start a window.
const UPSERT = {
  postgresql: `INSERT INTO ${T} ("sleutel", "treffers", "eindeVenster") VALUES ($1, 1, $2::bigint + $3::bigint)
    ON CONFLICT ("sleutel") DO UPDATE SET
      "treffers" = CASE WHEN ${T}."eindeVenster" <= $2::bigint THEN 1 ELSE ${T}."treffers" + 1 END,
      "eindeVenster" = CASE WHEN ${T}."eindeVenster" <= $2::bigint THEN EXCLUDED."eindeVenster" ELSE ${T}."eindeVenster" END
    RETURNING "treffers", "eindeVenster"`,
  // Anonymous parameters only (the adapter binds a plain list): key, now, window, now, now.
  sqlite: `INSERT INTO ${T} ("sleutel", "treffers", "eindeVenster") VALUES (?, 1, ? + ?)
    ON CONFLICT ("sleutel") DO UPDATE SET
      "treffers" = CASE WHEN ${T}."eindeVenster" <= ? THEN 1 ELSE ${T}."treffers" + 1 END,
      "eindeVenster" = CASE WHEN ${T}."eindeVenster" <= ? THEN excluded."eindeVenster" ELSE ${T}."eindeVenster" END
    RETURNING "treffers", "eindeVenster"`,
} as const;

type Row = { treffers: number | bigint; eindeVenster: number | bigint };
const countOf = (r: Row): RateLimitCount => ({ hits: Number(r.treffers), resetAtMs: Number(r.eindeVenster) });

export function rateLimitCounter(db: Db, provider: Provider): RateLimitCounter {
  // Each SQL text below uses every parameter once, in order: `?` on SQLite.
  const p = (n: number) => (provider === 'postgresql' ? `$${n}` : '?');
  return {
    async increment(key, windowMs, nowMs) {
      const args = provider === 'postgresql' ? [key, nowMs, windowMs] : [key, nowMs, windowMs, nowMs, nowMs];
      const rows = await db.$queryRawUnsafe<Row[]>(UPSERT[provider], ...args);
      return countOf(rows[0]!);
    },
    async get(key, nowMs) {
      const rows = await db.$queryRawUnsafe<Row[]>(
        `SELECT "treffers", "eindeVenster" FROM ${T} WHERE "sleutel" = ${p(1)} AND "eindeVenster" > ${p(2)}`,
        key,
        nowMs,
      );
      return rows[0] ? countOf(rows[0]) : undefined;
    },
    async decrement(key) {
      await db.$executeRawUnsafe(
        `UPDATE ${T} SET "treffers" = "treffers" - 1 WHERE "sleutel" = ${p(1)} AND "treffers" > 0`,
        key,
      );
    },
    async reset(key) {
      await db.$executeRawUnsafe(`DELETE FROM ${T} WHERE "sleutel" = ${p(1)}`, key);
    },
    prune: (nowMs) => db.$executeRawUnsafe(`DELETE FROM ${T} WHERE "eindeVenster" <= ${p(1)}`, nowMs),
  };
}
