import type { Checkpoint } from '../../../adapters/ledger/checkpoints.js';

/** A signed checkpoint as the contract shows it. */
export function checkpointJson(c: Checkpoint) {
  return { origin: c.origin, grootte: c.size, rootHash: c.rootHash, signedNote: c.signedNote, jws: c.jws };
}
