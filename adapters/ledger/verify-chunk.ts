import type { LedgerStorage } from './ledger-storage.js';
import { columnMatchesBody } from './entry-time.js';
import { hashLevels } from './merkle.js';

export interface ChunkResult {
  /** Recomputed levels of the chunk: level l holds its floor(n / 2^l) perfect subtrees (see `hashLevels`). */
  levels: Buffer[];
  problems: string[];
  /** Entries missing: the recomputed tree is meaningless beyond this point. */
  missing: boolean;
  /** Stored subtree hashes above level 1 that differ (counted, not listed: one altered entry changes log n of them). */
  higherMismatches: number;
}

/**
 * Compares the stored subtree hashes of one level, indices [from, to), with recomputed ones held in
 * `recomputed` (a flat level buffer whose first hash is index `first`). A stored hash that is absent
 * counts as a mismatch: a proof would need it.
 */
export async function compareStoredLevel(
  storage: LedgerStorage,
  origin: string,
  level: number,
  from: number,
  to: number,
  recomputed: Buffer,
  first: number,
  mismatch: (index: number) => void,
): Promise<void> {
  const stored = Buffer.alloc(32);
  let next = from;
  for (const node of await storage.levelNodes(origin, level, from, to)) {
    while (next < node.index) mismatch(next++);
    const at = (node.index - first) * 32;
    if (stored.write(node.hex, 'hex') !== 32 || stored.compare(recomputed, at, at + 32) !== 0) mismatch(node.index);
    next = node.index + 1;
  }
  while (next < to) mismatch(next++);
}

/**
 * Verifies entries [from, to) — `from` a multiple of 2^chunkLog2 — on its own: contiguous indices,
 * each body against its stored leaf hash, each `tijd` column against the time its body states, and every stored subtree hash inside the chunk against the
 * tree recomputed from the bodies. Runs on the verifier's worker threads, each with its own connection.
 */
export async function verifyChunk(
  storage: LedgerStorage,
  origin: string,
  from: number,
  to: number,
  chunkLog2: number,
): Promise<ChunkResult> {
  const problems: string[] = [];
  const bodies = new Array<string>(to - from).fill('');
  const storedLeaves = Buffer.alloc((to - from) * 32);
  const present = new Uint8Array(to - from);
  let expected = from;
  let missing = false;
  for (const e of await storage.verificationEntries(origin, from, to)) {
    if (e.index !== expected) {
      problems.push(`entry ${expected}: missing (next stored index is ${e.index})`);
      missing = true;
    }
    const i = e.index - from;
    bodies[i] = e.body;
    present[i] = storedLeaves.write(e.leafHex, i * 32, 'hex') === 32 ? 1 : 2;
    // Search, export and signals read the time; it must be the one the leaf hash covers.
    if (!columnMatchesBody(e.body, e.tijd))
      problems.push(`entry ${e.index}: its tijd column differs from the time in its hashed body (column altered)`);
    expected = e.index + 1;
  }
  if (expected < to) {
    problems.push(`entry ${expected}: missing (no stored entry up to ${to - 1})`);
    missing = true;
  }
  const levels = hashLevels(bodies, chunkLog2);
  present.forEach((p, i) => {
    if (p === 2 || (p === 1 && levels[0]!.compare(storedLeaves, i * 32, i * 32 + 32, i * 32, i * 32 + 32) !== 0)) {
      problems.push(`entry ${from + i}: its body does not match its leaf hash (altered after it was logged)`);
    }
  });
  let higherMismatches = 0;
  if (!missing) {
    for (let level = 1; level < levels.length; level++) {
      const first = from / 2 ** level;
      await compareStoredLevel(
        storage,
        origin,
        level,
        first,
        first + levels[level]!.length / 32,
        levels[level]!,
        first,
        (index) => {
          if (level === 1)
            problems.push(
              `entries ${index * 2}–${index * 2 + 1}: stored tree node does not match them (entry and leaf hash both altered?)`,
            );
          else higherMismatches++;
        },
      );
    }
  }
  return { levels, problems, missing, higherMismatches };
}
