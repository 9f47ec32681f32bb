import { DomainError } from '../../errors/domain-error.js';
import type { Operation } from '../operation.js';

/** Proof that the log of size `tot` extends the log of size `van`. */
export const getConsistencyProof: Operation<'getConsistencyProof'> = {
  async handle({ query: { van, tot } }, { ledger }) {
    if (van > tot || tot > (await ledger.size()))
      throw new DomainError('invalid-request', 'van mag niet groter zijn dan tot, en tot niet groter dan het log.');
    const bewijs = (await ledger.consistencyProof(van, tot)).map((h) => h.toString('hex'));
    return { status: 200, body: { van, tot, bewijs } };
  },
};
