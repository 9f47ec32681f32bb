import { createHash, hash as oneShotHash } from 'node:crypto';

/**
 * The transparency-log Merkle tree of RFC 6962 / RFC 9162 §2.1 (as C2SP merkle-tree.md restates it):
 * SHA-256, leaf = H(0x00 ‖ entry), node = H(0x01 ‖ left ‖ right), left-balanced. Proof generation is
 * written against a `subtree(start, size)` accessor so storage can serve perfect subtrees from stored
 * hashes and the proofs stay O(log n).
 */
export type Hash = Buffer;

const LEAF = Buffer.from([0]);
const NODE = Buffer.from([1]);

// One-shot hashing: no Hash object per call, which matters at a million leaves.
export function leafHash(entry: Uint8Array): Hash {
  return oneShotHash('sha256', Buffer.concat([LEAF, entry]), 'buffer') as Buffer;
}

export function nodeHash(left: Hash, right: Hash): Hash {
  return oneShotHash('sha256', Buffer.concat([NODE, left, right], 65), 'buffer') as Buffer;
}

export const emptyRoot: Hash = createHash('sha256').digest();

/** Largest power of two strictly smaller than n (n ≥ 2). */
export function splitPoint(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

/** Hash of the leaves [start, start+size); `perfect(level, index)` gives aligned perfect subtrees. */
export type PerfectSubtree = (level: number, index: number) => Hash;

export function subtreeHash(start: number, size: number, perfect: PerfectSubtree): Hash {
  if (size === 0) return emptyRoot;
  if ((size & (size - 1)) === 0 && start % size === 0) return perfect(Math.log2(size), start / size);
  const k = splitPoint(size);
  return nodeHash(subtreeHash(start, k, perfect), subtreeHash(start + k, size - k, perfect));
}

/** RFC 6962 PATH(m, D[start:start+size]). */
export function inclusionProof(m: number, size: number, perfect: PerfectSubtree, start = 0): Hash[] {
  if (m < 0 || m >= size) throw new RangeError(`index ${m} is not in a tree of size ${size}`);
  if (size === 1) return [];
  const k = splitPoint(size);
  return m < k
    ? [...inclusionProof(m, k, perfect, start), subtreeHash(start + k, size - k, perfect)]
    : [...inclusionProof(m - k, size - k, perfect, start + k), subtreeHash(start, k, perfect)];
}

function subproof(m: number, size: number, complete: boolean, perfect: PerfectSubtree, start: number): Hash[] {
  if (m === size) return complete ? [] : [subtreeHash(start, size, perfect)];
  const k = splitPoint(size);
  return m <= k
    ? [...subproof(m, k, complete, perfect, start), subtreeHash(start + k, size - k, perfect)]
    : [...subproof(m - k, size - k, false, perfect, start + k), subtreeHash(start, k, perfect)];
}

/** RFC 6962 PROOF(m, D[n]): that the tree of size m is a prefix of the tree of size n. */
export function consistencyProof(m: number, n: number, perfect: PerfectSubtree): Hash[] {
  if (m < 0 || m > n) throw new RangeError(`cannot prove ${m} consistent with ${n}`);
  if (m === 0 || m === n) return [];
  return subproof(m, n, true, perfect, 0);
}

/** RFC 9162 §2.1.3.2. */
export function verifyInclusion(index: number, size: number, leaf: Hash, proof: Hash[], root: Hash): boolean {
  if (index >= size) return false;
  let fn = index;
  let sn = size - 1;
  let h = leaf;
  for (const p of proof) {
    if (sn === 0) return false;
    if (fn % 2 === 1 || fn === sn) {
      h = nodeHash(p, h);
      while (fn % 2 === 0 && fn !== 0) {
        fn = Math.floor(fn / 2);
        sn = Math.floor(sn / 2);
      }
    } else {
      h = nodeHash(h, p);
    }
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  return sn === 0 && h.equals(root);
}

/** RFC 9162 §2.1.4.2. */
export function verifyConsistency(m: number, n: number, root1: Hash, root2: Hash, proof: Hash[]): boolean {
  if (m > n) return false;
  if (m === n) return proof.length === 0 && root1.equals(root2);
  if (m === 0) return proof.length === 0;
  if (proof.length === 0) return false;
  const path = (m & (m - 1)) === 0 ? [root1, ...proof] : proof;
  let fn = m - 1;
  let sn = n - 1;
  while (fn % 2 === 1) {
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  let fr = path[0]!;
  let sr = path[0]!;
  for (const p of path.slice(1)) {
    if (sn === 0) return false;
    if (fn % 2 === 1 || fn === sn) {
      fr = nodeHash(p, fr);
      sr = nodeHash(p, sr);
      while (fn % 2 === 0 && fn !== 0) {
        fn = Math.floor(fn / 2);
        sn = Math.floor(sn / 2);
      }
    } else {
      sr = nodeHash(sr, p);
    }
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  return sn === 0 && fr.equals(root1) && sr.equals(root2);
}

/** Perfect subtrees computed from an in-memory list of leaf hashes (tests, the offline verifier). */
export function perfectFromLeaves(leaves: Hash[]): PerfectSubtree {
  const levels: Hash[][] = [leaves];
  return (level, index) => {
    while (levels.length <= level) {
      const below = levels[levels.length - 1]!;
      const next: Hash[] = [];
      for (let i = 0; i + 1 < below.length; i += 2) next.push(nodeHash(below[i]!, below[i + 1]!));
      levels.push(next);
    }
    const h = levels[level]![index];
    if (!h) throw new RangeError(`no perfect subtree at level ${level} index ${index}`);
    return h;
  };
}

/**
 * Hashes of `bodies` (UTF-8) as leaves, then of every perfect subtree among them up to `maxLevel`, as
 * one flat buffer per level (32 bytes per hash; level l holds floor(n / 2^l) hashes). Built for a
 * million entries: flat buffers instead of a Buffer per hash, and each input is written into one
 * reused scratch buffer behind its prefix byte instead of being copied twice — garbage collection,
 * not hashing, was the cost.
 */
export function hashLevels(bodies: string[], maxLevel: number): Buffer[] {
  const leaves = Buffer.alloc(bodies.length * 32);
  let scratch = Buffer.alloc(4096);
  bodies.forEach((body, i) => {
    if (scratch.length < 1 + body.length * 3) scratch = Buffer.alloc(1 + body.length * 3);
    scratch[0] = 0;
    const n = scratch.write(body, 1, 'utf8');
    (oneShotHash('sha256', scratch.subarray(0, 1 + n), 'buffer') as Buffer).copy(leaves, i * 32);
  });
  const levels: Buffer[] = [leaves];
  while (levels.length <= maxLevel && levels[levels.length - 1]!.length >= 64)
    levels.push(parentLevel(levels[levels.length - 1]!));
  return levels;
}

function parentLevel(below: Buffer): Buffer {
  const count = Math.floor(below.length / 64);
  const next = Buffer.alloc(count * 32);
  const scratch = Buffer.alloc(65);
  scratch[0] = 1;
  for (let i = 0; i < count; i++) {
    below.copy(scratch, 1, i * 64, i * 64 + 64);
    (oneShotHash('sha256', scratch, 'buffer') as Buffer).copy(next, i * 32);
  }
  return next;
}

/**
 * Perfect subtrees served from flat level buffers (see `hashLevels`); levels above the ones given are
 * computed on demand from the highest. Returned hashes are views into the level buffers.
 */
export function levelTree(levels: Buffer[]): PerfectSubtree {
  return (level, index) => {
    while (levels.length <= level) levels.push(parentLevel(levels[levels.length - 1]!));
    const buf = levels[level]!;
    if ((index + 1) * 32 > buf.length) throw new RangeError(`no perfect subtree at level ${level} index ${index}`);
    return buf.subarray(index * 32, index * 32 + 32);
  };
}
