import { readFileSync } from 'node:fs';
import type { Checkpoint, Checkpoints } from '../../adapters/ledger/checkpoints.js';
import { addSignatureLine, witnessVerifier, type WitnessVerifier } from '../../adapters/ledger/cosignature.js';
import { DomainError } from '../errors/domain-error.js';
import type { LogIntegrity } from './log-integrity.js';

/** The witness keys in `path` (one per line, `#` comments); none when the file is absent. */
export function readWitnessKeys(path: string): WitnessVerifier[] {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw err;
  }
  return text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'))
    .map(witnessVerifier);
}

/**
 * Stores a witness's cosignature with the checkpoint it signed. The line must verify (cosignature/v1)
 * against one of the configured witness keys over exactly this checkpoint's body; anything else is
 * refused, so the public operation cannot be used to write arbitrary text into the log's notes.
 */
export async function addCheckpointCosignature(
  deps: { integrity: LogIntegrity; checkpoints: Checkpoints; witnessKeysPath: string },
  size: number,
  line: string,
): Promise<Checkpoint> {
  const cp = await deps.integrity.atSize(size);
  if (!cp) throw new DomainError('not-found', 'Op deze grootte is geen checkpoint getekend.');
  const body = cp.signedNote.slice(0, cp.signedNote.lastIndexOf('\n\n') + 1);
  const clean = `${line.replace(/\n$/, '')}\n`;
  const witnesses = readWitnessKeys(deps.witnessKeysPath);
  if (!witnesses.some((w) => w.cosignedAt(`${body}\n${clean}`) !== undefined))
    throw new DomainError('invalid-request', 'Geen geldige cosignatuur van een bekende getuige over dit checkpoint.', {
      invalidParams: [{ name: '/cosignature', reason: 'verifieert niet tegen een getuigensleutel' }],
    });
  const signedNote = addSignatureLine(cp.signedNote, clean);
  if (signedNote !== cp.signedNote) await deps.checkpoints.storeCosignedNote(size, signedNote);
  return { ...cp, signedNote };
}
