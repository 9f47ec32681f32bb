import type { TestDatabase } from './test-store.js';

/**
 * Ways of altering a copy of the ledger's database directly, as someone with write access to it
 * would: each keeps the stored tree self-consistent where that is possible, so only a verifier that
 * knows an earlier tree head can tell.
 */
export function ledgerTamper(db: TestDatabase) {
  const pg = db.store.provider === 'postgresql';
  const run = (query: string) => db.store.db.$executeRawUnsafe(query);
  const q = (s: string) => `'${s.replace(/'/g, "''")}'`;
  const coversFrom = (from: number) =>
    pg ? `("idx" + 1) * power(2, "level")::bigint > ${from}` : `("idx" + 1) * (1 << "level") > ${from}`;
  return {
    /** Removes entries from `from` on, with every stored subtree hash over them. */
    async cutFrom(logId: string, from: number) {
      await run(`DELETE FROM "LedgerEntry" WHERE "logId" = ${q(logId)} AND "idx" >= ${from}`);
      await run(`DELETE FROM "LedgerNode" WHERE "logId" = ${q(logId)} AND ${coversFrom(from)}`);
    },
    /** Removes the signed checkpoints larger than `size` (all with 0). */
    async deleteCheckpointsAbove(logId: string, size: number) {
      await run(`DELETE FROM "LedgerCheckpoint" WHERE "logId" = ${q(logId)} AND "size" > ${size}`);
    },
    /** Sets the unhashed `tijd` column of one entry. */
    async setTijdColumn(logId: string, index: number, iso: string) {
      await run(
        `UPDATE "LedgerEntry" SET "tijd" = ${pg ? `${q(iso)}::timestamptz` : q(iso)} WHERE "logId" = ${q(logId)} AND "idx" = ${index}`,
      );
    },
  };
}
