import { verifyInclusion } from '../../adapters/ledger/merkle.js';
import { noteVerifier } from '../../adapters/ledger/signed-note.js';
import { listLogEntries } from '../disclosure/list-log-entries.js';
import type { LogScope } from '../disclosure/log-scope.js';
import type { LoggedDisclosure } from '../disclosure/review.js';
import { DomainError } from '../errors/domain-error.js';
import type { OperationDeps } from '../operations/operation-deps.js';

/** One log entry with everything a browser needs to check it is in the signed log by itself. */
export interface EntryWithProof {
  index: number;
  tijd: string;
  regel: LoggedDisclosure;
  /**
   * The entry exactly as hashed (canonical JSON): the browser hashes these bytes itself. Left out where
   * the stored entry holds what this officer may not read (a restriction, see `regelVoorScope`); the
   * browser then checks the proof from the leaf hash.
   */
  tekst?: string;
  leafHash: string;
  grootte: number;
  bewijs: string[];
  signedNote: string;
  /** The log's verifier key the server pins (`name+keyid+key`). */
  verifierKey: string;
  /** The server's own verdict, for a browser without script. */
  serverOordeel: boolean;
}

/** Whether the stored entry equals what the officer may read of it (only a restriction is ever stripped). */
function volledigLeesbaar(scope: LogScope, body: string): boolean {
  if (scope.alles) return true;
  const details = (JSON.parse(body) as { details?: Record<string, unknown> }).details;
  return details?.beperkt === undefined;
}

/**
 * One entry within the officer's scope (the same rule as the API's listLogEntries: outside it, the
 * entry does not exist for this officer), with an inclusion proof against a signed checkpoint that
 * covers it (signing one now if the newest is older than the entry).
 */
export async function entryWithProof(
  deps: Pick<OperationDeps, 'ledger' | 'integrity' | 'signer'>,
  index: number,
  scope: LogScope,
): Promise<EntryWithProof> {
  const notFound = new DomainError('not-found', 'Deze logregel bestaat niet, of valt buiten wat u mag inzien.');
  if (!Number.isSafeInteger(index) || index < 0) throw notFound;
  const [found] = await listLogEntries(deps.ledger, index, index + 1, scope);
  const [stored] = await deps.ledger.entries(index, index + 1);
  if (!found || !stored) throw notFound;
  let checkpoint = await deps.integrity.latest();
  if (!checkpoint || checkpoint.size <= index) checkpoint = await deps.integrity.sign();
  if (!checkpoint || checkpoint.size <= index)
    throw new DomainError('unavailable', 'Er is nog geen ondertekend controlepunt.');
  const proof = await deps.ledger.inclusionProof(index, checkpoint.size);
  const verifierKey = deps.signer.verifierKey();
  let serverOordeel = false;
  try {
    noteVerifier(verifierKey).open(checkpoint.signedNote);
    serverOordeel = verifyInclusion(
      index,
      checkpoint.size,
      stored.leafHash,
      proof,
      Buffer.from(checkpoint.rootHash, 'hex'),
    );
  } catch {
    serverOordeel = false;
  }
  return {
    index,
    tijd: found.tijd,
    regel: found.regel,
    ...(volledigLeesbaar(scope, stored.body) ? { tekst: stored.body } : {}),
    leafHash: found.leafHash,
    grootte: checkpoint.size,
    bewijs: proof.map((h) => h.toString('hex')),
    signedNote: checkpoint.signedNote,
    verifierKey,
    serverOordeel,
  };
}
