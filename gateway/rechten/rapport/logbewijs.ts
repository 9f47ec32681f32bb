import type { Checkpoint } from '../../../adapters/ledger/checkpoints.js';
import type { Ledger } from '../../../adapters/ledger/ledger.js';
import { uitlegLogbewijs } from './vaste-teksten.js';
import type { InzageLogbewijs } from './inzagerapport-types.js';

/** How the report reaches the log's checkpoints: the newest, and signing one now (through the integrity guard). */
export interface CheckpointSource {
  latest(): Promise<Checkpoint | undefined>;
  sign(): Promise<Checkpoint | undefined>;
}

export interface LogbewijsDeps {
  ledger: Pick<Ledger, 'origin' | 'inclusionProof'>;
  checkpoints: CheckpointSource;
  verifierKey: string;
}

/**
 * A signed checkpoint that covers every listed entry (a new one is signed when the newest is older, as
 * the periodic checkpointer would) and each entry's inclusion proof to it.
 */
export async function logbewijs(
  deps: LogbewijsDeps,
  indexes: number[],
): Promise<{ logbewijs: InzageLogbewijs; bewijzen: Map<number, string[]> }> {
  const needed = indexes.length > 0 ? Math.max(...indexes) + 1 : 0;
  let cp = await deps.checkpoints.latest();
  if (!cp || cp.size < needed) cp = await deps.checkpoints.sign();
  if (needed > 0 && (!cp || cp.size < needed)) throw new Error('no signed checkpoint covers the listed entries');
  const bewijzen = new Map<number, string[]>();
  for (const i of indexes)
    bewijzen.set(
      i,
      (await deps.ledger.inclusionProof(i, cp!.size)).map((h) => h.toString('hex')),
    );
  return {
    logbewijs: {
      origin: deps.ledger.origin,
      verifierKey: deps.verifierKey,
      ...(cp ? { checkpoint: { grootte: cp.size, rootHash: cp.rootHash, signedNote: cp.signedNote } } : {}),
      uitleg: uitlegLogbewijs,
    },
    bewijzen,
  };
}
