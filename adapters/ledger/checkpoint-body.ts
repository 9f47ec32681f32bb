import type { NoteVerifier } from './signed-note.js';

/** A tree head: a size and the root hash of the first `size` entries. */
export interface TreeHead {
  size: number;
  root: Buffer;
}

/** Parses a checkpoint body `origin\nsize\nbase64(root)\n` (c2sp.org/tlog-checkpoint; extension lines ignored). */
export function parseCheckpoint(text: string): TreeHead & { origin: string } {
  const [origin, size, root] = text.split('\n');
  if (!origin || !size || !root || !/^\d+$/.test(size)) throw new Error('malformed checkpoint body');
  const hash = Buffer.from(root, 'base64');
  if (hash.length !== 32) throw new Error('malformed checkpoint root');
  return { origin, size: Number(size), root: hash };
}

/**
 * A point a verifier pins: a signed checkpoint saved earlier (its signature is checked against the
 * pinned log key and its origin must be the log's) — the signed note, or JSON carrying it as
 * `signedNote` (the API's answer, a monitor's state file) — or `size:roothex`.
 */
export function parsePinnedCheckpoint(text: string, verifier: NoteVerifier, origin: string): TreeHead {
  const plain = /^(\d+):([0-9a-fA-F]{64})$/.exec(text.trim());
  if (plain) return { size: Number(plain[1]), root: Buffer.from(plain[2]!, 'hex') };
  const note = text.trimStart().startsWith('{')
    ? String((JSON.parse(text) as { signedNote?: unknown }).signedNote)
    : text;
  const cp = parseCheckpoint(verifier.open(note));
  if (cp.origin !== origin) throw new Error(`pinned checkpoint is for log ${cp.origin}, not ${origin}`);
  return { size: cp.size, root: cp.root };
}
