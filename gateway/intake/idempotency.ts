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
  try {
    return await store.transaction(
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
  } catch (err) {
    if (isUniqueViolation(err) && key) {
      const winner = await stored();
      if (winner) return winner;
    }
    throw err;
  }
}
