import type { NewLeaf, NewNode, StoredEntry } from './ledger-storage.js';
import { nodeKey } from './ledger-storage.js';
import { type Hash, nodeHash } from './merkle.js';

/**
 * The roots of the perfect subtrees that make up a tree of `size` leaves (one per set bit of `size`).
 * They are the only stored hashes a batch of appends can need: every other left sibling is completed
 * inside the batch. Level 0 is a leaf hash.
 */
export function frontierOf(size: number): { level: number; index: number }[] {
  const out: { level: number; index: number }[] = [];
  for (let level = 0; 2 ** level <= size; level++) {
    if (Math.floor(size / 2 ** level) % 2 === 1) out.push({ level, index: Math.floor(size / 2 ** level) - 1 });
  }
  return out;
}

/**
 * The perfect subtrees that appending leaves with these hashes at `size` completes, given the hashes
 * of `frontierOf(size)` (keyed by `nodeKey`), in the order they complete.
 */
export function completedSubtrees(size: number, leafHashes: readonly Hash[], frontier: Map<string, Hash>): NewNode[] {
  const known = new Map(frontier);
  const nodes: NewNode[] = [];
  leafHashes.forEach((leafHash, i) => {
    let index = size + i;
    let level = 0;
    let carry = leafHash;
    known.set(nodeKey(0, index), carry);
    while (index % 2 === 1) {
      const left = known.get(nodeKey(level, index - 1));
      if (!left) throw new Error(`ledger: missing subtree ${level}/${index - 1} while appending at ${size}`);
      carry = nodeHash(left, carry);
      level++;
      index = (index - 1) / 2;
      known.set(nodeKey(level, index), carry);
      nodes.push({ level, index, hash: carry });
    }
  });
  return nodes;
}

/**
 * Numbers `leaves` from `size` and computes the perfect subtrees they complete, given the hashes of
 * `frontierOf(size)` (keyed by `nodeKey`). Storage runs this while it holds the log's write lock.
 */
export function planAppend(
  size: number,
  leaves: NewLeaf[],
  frontier: Map<string, Hash>,
): { entries: StoredEntry[]; nodes: NewNode[] } {
  return {
    entries: leaves.map((l, i) => ({ ...l, index: size + i })),
    nodes: completedSubtrees(
      size,
      leaves.map((l) => l.leafHash),
      frontier,
    ),
  };
}
