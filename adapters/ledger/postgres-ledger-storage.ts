import { createHash } from 'node:crypto';
import pg from 'pg';
import { frontierOf, planAppend } from './append-plan.js';
import type { LedgerStorage, StoredEntry } from './ledger-storage.js';
import { nodeKey } from './ledger-storage.js';
import type { Hash } from './merkle.js';

/** A stable 64-bit advisory-lock key per log. */
function lockKey(origin: string): string {
  return createHash('sha256').update(`knooppunt-ledger:${origin}`).digest().readBigInt64BE(0).toString();
}

/**
 * The ledger on PostgreSQL: each batch runs in one transaction under `pg_advisory_xact_lock`, so any
 * number of gateway processes append with contiguous indices; rows go in as multi-row INSERTs.
 */
export function postgresLedgerStorage(connectionString: string): LedgerStorage {
  const pool = new pg.Pool({ connectionString, max: 4 });
  // An idle client losing its connection (database restart, failover) must not take the process down;
  // the next query gets a fresh connection or a clear error.
  pool.on('error', () => undefined);

  const readNodes = async (
    client: pg.PoolClient | pg.Pool,
    origin: string,
    wanted: { level: number; index: number }[],
  ) => {
    const out = new Map<string, Hash>();
    const leaves = wanted.filter((w) => w.level === 0).map((w) => w.index);
    const inner = wanted.filter((w) => w.level > 0);
    if (leaves.length > 0) {
      const r = await client.query(
        'SELECT "idx", "leafHash" FROM "LedgerEntry" WHERE "logId" = $1 AND "idx" = ANY($2::bigint[])',
        [origin, leaves],
      );
      for (const row of r.rows as { idx: string; leafHash: Buffer }[])
        out.set(nodeKey(0, Number(row.idx)), row.leafHash);
    }
    if (inner.length > 0) {
      const r = await client.query(
        'SELECT "level", "idx", "hash" FROM "LedgerNode" WHERE "logId" = $1 AND ("level", "idx") IN (SELECT * FROM unnest($2::int[], $3::bigint[]))',
        [origin, inner.map((w) => w.level), inner.map((w) => w.index)],
      );
      for (const row of r.rows as { level: number; idx: string; hash: Buffer }[])
        out.set(nodeKey(row.level, Number(row.idx)), row.hash);
    }
    for (const w of wanted)
      if (!out.has(nodeKey(w.level, w.index))) throw new Error(`ledger ${origin}: no node ${w.level}/${w.index}`);
    return out;
  };

  return {
    async appendBatch(origin, leaves) {
      const client = await pool.connect();
      // A checked-out client whose server goes away between two statements emits 'error'; without a
      // listener that event would end the process. The statement in flight rejects on its own.
      const lost = () => undefined;
      client.on('error', lost);
      let failure: Error | undefined;
      try {
        await client.query('BEGIN');
        await client.query('SELECT pg_advisory_xact_lock($1::bigint)', [lockKey(origin)]);
        const size = Number(
          (
            await client.query('SELECT COALESCE(MAX("idx") + 1, 0) AS n FROM "LedgerEntry" WHERE "logId" = $1', [
              origin,
            ])
          ).rows[0].n,
        );
        const { entries, nodes } = planAppend(size, leaves, await readNodes(client, origin, frontierOf(size)));
        if (entries.length > 0) {
          await client.query(
            'INSERT INTO "LedgerEntry" ("logId", "idx", "leafHash", "body", "tijd") SELECT $1, * FROM unnest($2::bigint[], $3::bytea[], $4::text[], $5::timestamptz[])',
            [
              origin,
              entries.map((e) => e.index),
              entries.map((e) => e.leafHash),
              entries.map((e) => e.body),
              entries.map((e) => e.tijd.toISOString()),
            ],
          );
        }
        if (nodes.length > 0) {
          await client.query(
            'INSERT INTO "LedgerNode" ("logId", "level", "idx", "hash") SELECT $1, * FROM unnest($2::int[], $3::bigint[], $4::bytea[])',
            [origin, nodes.map((n) => n.level), nodes.map((n) => n.index), nodes.map((n) => n.hash)],
          );
        }
        await client.query('COMMIT');
        return entries;
      } catch (err) {
        failure = err as Error;
        await client.query('ROLLBACK').catch(() => undefined);
        throw err;
      } finally {
        client.off('error', lost);
        // With the error the pool discards the connection instead of lending out a dead one.
        client.release(failure);
      }
    },
    async size(origin) {
      return Number(
        (await pool.query('SELECT COALESCE(MAX("idx") + 1, 0) AS n FROM "LedgerEntry" WHERE "logId" = $1', [origin]))
          .rows[0].n,
      );
    },
    nodes: (origin, wanted) => readNodes(pool, origin, wanted),
    async entries(origin, from, to) {
      const r = await pool.query(
        'SELECT "idx", "leafHash", "body", "tijd" FROM "LedgerEntry" WHERE "logId" = $1 AND "idx" >= $2 AND "idx" < $3 ORDER BY "idx"',
        [origin, from, to],
      );
      return (r.rows as { idx: string; leafHash: Buffer; body: string; tijd: Date }[]).map((row): StoredEntry => ({
        index: Number(row.idx),
        leafHash: row.leafHash,
        body: row.body,
        tijd: row.tijd,
      }));
    },
    async verificationEntries(origin, from, to) {
      const r = await pool.query(
        'SELECT "idx", encode("leafHash", \'hex\') AS "leafHex", "body", to_char("tijd" AT TIME ZONE \'UTC\', \'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"\') AS "tijd" FROM "LedgerEntry" WHERE "logId" = $1 AND "idx" >= $2 AND "idx" < $3 ORDER BY "idx"',
        [origin, from, to],
      );
      return (r.rows as { idx: string; leafHex: string; body: string; tijd: string }[]).map((row) => ({
        index: Number(row.idx),
        leafHex: row.leafHex,
        body: row.body,
        tijd: row.tijd,
      }));
    },
    async levelNodes(origin, level, from, to) {
      const r = await pool.query(
        'SELECT "idx", encode("hash", \'hex\') AS "hex" FROM "LedgerNode" WHERE "logId" = $1 AND "level" = $2 AND "idx" >= $3 AND "idx" < $4 ORDER BY "idx"',
        [origin, level, from, to],
      );
      return (r.rows as { idx: string; hex: string }[]).map((row) => ({ index: Number(row.idx), hex: row.hex }));
    },
    close: () => pool.end(),
  };
}
