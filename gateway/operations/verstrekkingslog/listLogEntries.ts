import { DomainError } from '../../errors/domain-error.js';
import type { Operation } from '../operation.js';
import { privacyOfficer } from '../roles.js';

/** Log entries `van` up to `tot` (at most 1000), with their leaf hashes. */
export const listLogEntries: Operation<'listLogEntries'> = {
  roles: privacyOfficer,
  async handle({ query }, { ledger }) {
    const { van } = query;
    const tot = Math.min(query.tot, van + 1000);
    if (van >= tot) throw new DomainError('invalid-request', 'van moet kleiner zijn dan tot.');
    const regels = (await ledger.entries(van, tot)).map((e) => ({
      index: e.index,
      leafHash: e.leafHash.toString('hex'),
      tijd: e.tijd.toISOString(),
      regel: JSON.parse(e.body),
    }));
    return { status: 200, body: { regels } };
  },
};
