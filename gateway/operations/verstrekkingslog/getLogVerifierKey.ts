import type { Operation } from '../operation.js';

/** The key checkpoints are signed with, to pin in verifiers. */
export const getLogVerifierKey: Operation<'getLogVerifierKey'> = {
  async handle(_request, { ledger, signer }) {
    return { status: 200, body: { origin: ledger.origin, verifierKey: signer.verifierKey() } };
  },
};
