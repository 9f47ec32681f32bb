import type { Ledger } from '../../adapters/ledger/ledger.js';
import { DomainError } from '../errors/domain-error.js';
import { inLogScope, type LogScope } from './log-scope.js';
import { regelVoorScope } from './regel-voor-scope.js';
import type { FoundEntry, LoggedDisclosure } from './review.js';

/** At most this many indices are read per call. */
export const MAX_RANGE = 1000;

/**
 * Entries with index in [van, tot) (at most 1000 indices), as far as the officer's scope reaches. An
 * officer of a partner gets only that partner's entries: the others are left out entirely — not even
 * their index or leaf hash, which would tell how busy other partners are and let a caller probe them
 * with inclusion proofs. So the indices in an answer may have gaps; the checkpoint and proofs (public)
 * still let anyone verify that an entry they hold is in the log.
 */
export async function listLogEntries(
  ledger: Pick<Ledger, 'entries'>,
  van: number,
  tot: number,
  scope: LogScope,
): Promise<FoundEntry[]> {
  const end = Math.min(tot, van + MAX_RANGE);
  if (van >= end) throw new DomainError('invalid-request', 'van moet kleiner zijn dan tot.');
  const out: FoundEntry[] = [];
  for (const e of await ledger.entries(van, end)) {
    const regel = JSON.parse(e.body) as LoggedDisclosure;
    if (!inLogScope(scope, regel)) continue;
    out.push({
      index: e.index,
      leafHash: e.leafHash.toString('hex'),
      tijd: e.tijd.toISOString(),
      regel: regelVoorScope(scope, regel),
    });
  }
  return out;
}
