import type { Db } from '../store/open-store.js';
import type { LedgerStorage } from './ledger-storage.js';
import { flatTree, leafHash, subtreeHash } from './merkle.js';
import type { NoteVerifier } from './signed-note.js';

export interface VerifyReport {
  size: number;
  checkpoints: number;
  problems: string[];
}

const CHUNK = 50_000;

/** Parses a checkpoint body `origin\nsize\nbase64(root)\n`. */
function parseCheckpoint(text: string): { origin: string; size: number; root: Buffer } {
  const [origin, size, root] = text.split('\n');
  if (!origin || !size || !root || !/^\d+$/.test(size)) throw new Error('malformed checkpoint body');
  return { origin, size: Number(size), root: Buffer.from(root, 'base64') };
}

/**
 * Verifies a whole log offline, trusting nothing but the pinned verifier key: every entry's leaf hash
 * is recomputed from its stored body, indices must be contiguous, the stored subtree hashes (which
 * serve proofs) must match the recomputed tree, and every checkpoint must carry a valid signature and
 * commit to exactly the recomputed root at its size. Each problem names the entry or checkpoint.
 */
export async function verifyLedger(
  storage: LedgerStorage, db: Db, logId: string, verifier: NoteVerifier, progress: (done: number, total: number) => void = () => {},
): Promise<VerifyReport> {
  const problems: string[] = [];
  const size = await storage.size(logId);
  const tree = flatTree(size);
  const seen = new Uint8Array(size);
  for (let from = 0; from < size; from += CHUNK) {
    const entries = await storage.entries(logId, from, Math.min(size, from + CHUNK));
    let expected = from;
    for (const e of entries) {
      if (e.index !== expected) {
        problems.push(`entry ${expected}: missing (next stored index is ${e.index})`);
        expected = e.index;
      }
      const recomputed = leafHash(Buffer.from(e.body, 'utf8'));
      if (!recomputed.equals(e.leafHash)) problems.push(`entry ${e.index}: its body does not match its leaf hash (altered after it was logged)`);
      if (e.index < size) {
        tree.setLeaf(e.index, recomputed);
        seen[e.index] = 1;
      }
      expected++;
    }
    progress(Math.min(size, from + CHUNK), size);
  }
  if (problems.length > 0 && seen.includes(0)) return { size, checkpoints: 0, problems };

  const perfect = tree.perfect;
  // The stored subtree hashes serve every proof: each must equal the tree recomputed from the bodies.
  let higherMismatches = 0;
  for (let level = 1; 2 ** level <= size; level++) {
    const count = Math.floor(size / 2 ** level);
    for (let from = 0; from < count; from += CHUNK * 2) {
      const to = Math.min(count, from + CHUNK * 2);
      const stored = await storage.levelNodes(logId, level, from, to);
      let next = from;
      const report = (index: number) => {
        const first = index * 2 ** level;
        if (level === 1) problems.push(`entries ${first}–${first + 1}: stored tree node does not match them (entry and leaf hash both altered?)`);
        else higherMismatches++;
      };
      for (const node of stored) {
        while (next < node.index) report(next++);
        if (!node.hash.equals(perfect(level, node.index))) report(node.index);
        next = node.index + 1;
      }
      while (next < to) report(next++);
    }
  }
  if (higherMismatches > 0 && !problems.some((p) => p.startsWith('entries '))) problems.push(`${higherMismatches} stored tree node(s) above the leaves do not match: proofs served from them would be wrong`);

  const rows = await db.ledgerCheckpoint.findMany({ where: { logId }, orderBy: { size: 'asc' } });
  for (const row of rows) {
    try {
      const cp = parseCheckpoint(verifier.open(row.signedNote));
      if (cp.origin !== logId) problems.push(`checkpoint ${row.size}: for log ${cp.origin}, not ${logId}`);
      else if (cp.size !== Number(row.size)) problems.push(`checkpoint ${row.size}: signed size ${cp.size} differs`);
      else if (cp.size > size) problems.push(`checkpoint ${cp.size}: larger than the log (${size}): entries were removed`);
      else if (!cp.root.equals(subtreeHash(0, cp.size, perfect))) problems.push(`checkpoint ${cp.size}: signed root does not match the entries`);
    } catch (err) {
      problems.push(`checkpoint ${row.size}: ${(err as Error).message}`);
    }
  }
  return { size, checkpoints: rows.length, problems };
}
