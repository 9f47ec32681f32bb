import { DomainError } from '../../errors/domain-error.js';
import type { Operation } from '../operation.js';

/** Proof that entry `index` is in the log of size `grootte`. */
export const getInclusionProof: Operation<'getInclusionProof'> = {
  async handle({ query: { index, grootte } }, { ledger }) {
    if (index >= grootte || grootte > (await ledger.size()))
      throw new DomainError(
        'invalid-request',
        'index moet kleiner zijn dan grootte, en grootte niet groter dan het log.',
      );
    const [entry] = await ledger.entries(index, index + 1);
    const bewijs = (await ledger.inclusionProof(index, grootte)).map((h) => h.toString('hex'));
    return { status: 200, body: { index, grootte, leafHash: entry!.leafHash.toString('hex'), bewijs } };
  },
};
