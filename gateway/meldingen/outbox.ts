import { uuidV7 } from '../../adapters/ledger/uuid-v7.js';
import type { Repositories, RepositoryStore } from '../../adapters/store/repositories.js';
import type { Clock } from '../clock.js';
import { DomainError } from '../errors/domain-error.js';
import type { Melding, Meldingen } from './meldingen.js';

/**
 * What a value in an event may look like: an id, a code, a date or a number. A name or a sentence does
 * not fit (no spaces, at most 64 characters), so personal data cannot slip into a webhook by accident:
 * the call fails instead of disclosing.
 */
const CODE = /^[A-Za-z0-9][A-Za-z0-9._:+-]{0,63}$/;

/** Soorten a partner hears about after it left the casus (it must learn that it left). */
const NA_DEELNAME: ReadonlySet<string> = new Set(['deelname-beeindigd']);

export function assertIdsAndCodesOnly(data: Melding['data']): void {
  for (const [key, value] of Object.entries(data))
    if (!CODE.test(key) || (typeof value === 'string' && !CODE.test(value)))
      throw new DomainError('invalid-request', 'Een melding bevat alleen ids en codes', {
        invalidParams: [{ name: `data.${key}`, reason: 'geen id of code' }],
      });
}

/**
 * The Meldingen port as an outbox: `plaats` writes a row with the caller's repositories, so inside
 * `store.transaction` the event exists only if the change commits. A partner that does not take part
 * in the casus gets nothing about it.
 */
export function outbox(store: RepositoryStore, clock: Clock): Meldingen {
  return {
    async plaats(melding: Melding, tx?: Repositories): Promise<void> {
      const repos = tx ?? store;
      assertIdsAndCodesOnly(melding.data);
      if (
        melding.casusId &&
        !NA_DEELNAME.has(melding.soort) &&
        !(await repos.casussen.isDeelnemer(melding.casusId, melding.partnerId))
      )
        return;
      const now = clock.now();
      await repos.uitgaand.add({
        id: uuidV7(now),
        partnerId: melding.partnerId,
        soort: melding.soort,
        casusId: melding.casusId ?? null,
        data: JSON.stringify(melding.data),
        aangemaaktOp: now,
      });
    },
  };
}
