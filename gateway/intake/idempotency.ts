import { createHash } from 'node:crypto';
import type { Repositories, RepositoryStore } from '../../adapters/store/repositories.js';
import { isUniqueViolation } from '../../adapters/store/unique-violation.js';
import { DomainError } from '../errors/domain-error.js';

export interface StoredAnswer {
  status: number;
  body: unknown;
  location?: string;
}

export function requestHash(operation: string, body: unknown): string {
  return createHash('sha256').update(operation).update('\0').update(JSON.stringify(body)).digest('hex');
}

/**
 * Runs `work` in one transaction and, with an Idempotency-Key, stores its answer in that same
 * transaction: either everything (data and stored answer) commits or nothing does. A retry with the
 * same key and body gets the stored answer; the same key with another body is a 409. Two concurrent
 * first attempts race on the key's primary key; the loser rolls back and returns the winner's answer.
 * A race on any other unique key is settled by running the unit again (at most three times).
 */
export async function idempotent(
  store: RepositoryStore,
  partnerId: string,
  key: string | undefined,
  hash: string,
  work: (tx: Repositories) => Promise<StoredAnswer>,
): Promise<StoredAnswer> {
  const stored = async (): Promise<StoredAnswer | undefined> => {
    if (!key) return undefined;
    const row = await store.idempotency.find(partnerId, key);
    if (!row) return undefined;
    if (row.verzoekHash !== hash)
      throw new DomainError('idempotency-conflict', 'Deze Idempotency-Key is al gebruikt voor een ander verzoek.');
    return { status: row.status, body: JSON.parse(row.antwoord), location: row.locatie ?? undefined };
  };
  const earlier = await stored();
  if (earlier) return earlier;
  for (let attempt = 1; ; attempt++) {
    try {
      return await once();
    } catch (err) {
      if (!isUniqueViolation(err)) throw err;
      const winner = await stored();
      if (winner) return winner;
      // Another transaction committed the same natural key first (two referrals of one new BSN at
      // once, on PostgreSQL): this unit rolled back whole, and run again it finds that row and links to it.
      if (attempt >= 3) throw err;
    }
  }

  function once(): Promise<StoredAnswer> {
    return store.transaction(
      async (tx) => {
        const answer = await work(tx);
        if (key) {
          await tx.idempotency.save({
            partnerId,
            sleutel: key,
            verzoekHash: hash,
            status: answer.status,
            antwoord: JSON.stringify(answer.body),
            locatie: answer.location ?? null,
          });
        }
        return answer;
      },
      { timeoutMs: 30_000 },
    );
  }
}
