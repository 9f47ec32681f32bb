import type { Db } from '../store/open-store.js';
import type { LedgerStorage } from './ledger-storage.js';
import { openLedgerStorage } from './open-ledger-storage.js';
import { levelTree, type PerfectSubtree, subtreeHash } from './merkle.js';
import { type ChunkResult, compareStoredLevel } from './verify-chunk.js';
import { verifyPool } from './verify-pool.js';
import type { NoteVerifier } from './signed-note.js';
import { parseCheckpoint, type TreeHead } from './checkpoint-body.js';
import type { WitnessVerifier } from './cosignature.js';

export interface VerifyReport {
  size: number;
  checkpoints: number;
  problems: string[];
  /**
   * Entries [from, to) after the last signed checkpoint (or pinned one; with witnesses required, the
   * last one they all cosigned): nothing vouches for them yet. A problem only with `strict`.
   */
  unsignedTail?: { from: number; to: number };
}

export interface VerifyOptions {
  /** Entries per chunk as a power of two: a chunk is read, hashed and compared as a unit. */
  chunkLog2?: number;
  /** Worker threads verifying chunks (0: all on this thread). */
  threads?: number;
  /**
   * A tree head known from outside the database (a checkpoint saved earlier): the log must still hold
   * at least that many entries and the same root at that size, whatever checkpoints were deleted since.
   */
  pinned?: TreeHead;
  /**
   * Witnesses that must have cosigned a checkpoint for it to vouch for entries; a log none of whose
   * checkpoints they all cosigned fails.
   */
  witnesses?: WitnessVerifier[];
  /** An unsigned (or unwitnessed) tail is a problem, not only reported. */
  strict?: boolean;
}

/**
 * Verifies a whole log offline, trusting nothing but the pinned verifier key: every entry's leaf hash
 * is recomputed from its stored body, indices must be contiguous, the stored subtree hashes (which
 * serve proofs) must match the recomputed tree, and every checkpoint must carry a valid signature and
 * commit to exactly the recomputed root at its size. Each problem names the entry or checkpoint.
 * Chunks of 2^16 entries are verified in parallel on worker threads, each reading the log through its
 * own connection; this thread joins their subtrees and checks what lies above them.
 */
export async function verifyLedger(
  databaseUrl: string,
  store: { db: Db },
  origin: string,
  verifier: NoteVerifier,
  progress: (done: number, total: number) => void = () => {},
  options: VerifyOptions = {},
): Promise<VerifyReport> {
  const chunkLog2 = options.chunkLog2 ?? 16;
  const storage = openLedgerStorage(databaseUrl);
  try {
    const size = await storage.size(origin);
    // Level l of the recomputed tree as one flat buffer; each chunk fills its part up to chunkLog2.
    const levels: Buffer[] = [Buffer.alloc(size * 32)];
    for (let l = 1; l <= chunkLog2 && 2 ** l <= size; l++) levels.push(Buffer.alloc(Math.floor(size / 2 ** l) * 32));
    const results = await verifyChunks(databaseUrl, storage, origin, size, chunkLog2, options.threads, progress);
    const problems = results.flatMap((r) => r.problems);
    let higherMismatches = results.reduce((n, r) => n + r.higherMismatches, 0);
    if (results.some((r) => r.missing))
      return { size, ...(await checkCheckpoints(store.db, origin, verifier, size, undefined, problems, options)) };
    results.forEach((r, c) => r.levels.forEach((buf, l) => buf.copy(levels[l]!, ((c * 2 ** chunkLog2) / 2 ** l) * 32)));

    const perfect = levelTree(levels);
    // Subtrees larger than a chunk: few (size / 2^chunkLog2 at most), checked here.
    for (let level = chunkLog2 + 1; 2 ** level <= size; level++) {
      perfect(level, 0); // builds the level from the one below
      await compareStoredLevel(
        storage,
        origin,
        level,
        0,
        Math.floor(size / 2 ** level),
        levels[level]!,
        0,
        () => higherMismatches++,
      );
    }
    if (higherMismatches > 0 && !problems.some((p) => p.startsWith('entries ')))
      problems.push(
        `${higherMismatches} stored tree node(s) above the leaves do not match: proofs served from them would be wrong`,
      );
    return { size, ...(await checkCheckpoints(store.db, origin, verifier, size, perfect, problems, options)) };
  } finally {
    await storage.close();
  }
}

/** Every chunk's result, in order; at most two chunks per thread are in flight (bounded memory). */
async function verifyChunks(
  databaseUrl: string,
  storage: LedgerStorage,
  origin: string,
  size: number,
  chunkLog2: number,
  threads: number | undefined,
  progress: (done: number, total: number) => void,
): Promise<ChunkResult[]> {
  const pool = verifyPool(databaseUrl, storage, threads);
  const chunk = 2 ** chunkLog2;
  const results: Promise<ChunkResult>[] = [];
  let done = 0;
  try {
    for (let from = 0; from < size; from += chunk) {
      const to = Math.min(size, from + chunk);
      const result = pool.verify(origin, from, to, chunkLog2).then((r) => {
        done += to - from;
        progress(done, size);
        return r;
      });
      // Awaited below (in order); until then a failure must not count as an unhandled rejection.
      result.catch(() => {});
      results.push(result);
      if (results.length > 2 * Math.max(1, pool.threads))
        await results[results.length - 2 * Math.max(1, pool.threads) - 1];
    }
    return await Promise.all(results);
  } finally {
    await pool.close();
  }
}

/**
 * Every stored checkpoint must carry the pinned key's signature and commit to exactly the recomputed
 * root at its size — so they are also consistent with each other — and none may be larger than the
 * log. The pinned tree head is checked the same way. Without a recomputed tree (entries missing), only
 * sizes can be compared.
 */
async function checkCheckpoints(
  db: Db,
  origin: string,
  verifier: NoteVerifier,
  size: number,
  perfect: PerfectSubtree | undefined,
  problems: string[],
  options: VerifyOptions,
): Promise<{ checkpoints: number; problems: string[]; unsignedTail?: { from: number; to: number } }> {
  const rows = await db.ledgerCheckpoint.findMany({ where: { logId: origin }, orderBy: { size: 'asc' } });
  const rootAt = (n: number) => (perfect ? subtreeHash(0, n, perfect) : undefined);
  let vouched = 0;
  for (const row of rows) {
    try {
      const cp = parseCheckpoint(verifier.open(row.signedNote));
      if (cp.origin !== origin) problems.push(`checkpoint ${row.size}: for log ${cp.origin}, not ${origin}`);
      else if (cp.size !== Number(row.size)) problems.push(`checkpoint ${row.size}: signed size ${cp.size} differs`);
      else if (cp.size > size)
        problems.push(`checkpoint ${cp.size}: larger than the log (${size}): entries were removed`);
      else if (perfect && !cp.root.equals(rootAt(cp.size)!))
        problems.push(`checkpoint ${cp.size}: signed root does not match the entries`);
      else if (cosignedByAll(row.signedNote, options)) vouched = Math.max(vouched, cp.size);
    } catch (err) {
      problems.push(`checkpoint ${row.size}: ${(err as Error).message}`);
    }
  }
  const pin = options.pinned;
  if (pin) {
    if (pin.size > size)
      problems.push(`pinned checkpoint ${pin.size}: the log has only ${size} entries (history cut below it)`);
    else if (perfect && !pin.root.equals(rootAt(pin.size)!))
      problems.push(`pinned checkpoint ${pin.size}: the entries no longer hash to its root (history rewritten)`);
  }
  if (options.witnesses?.length && vouched === 0 && size > 0)
    problems.push(`no checkpoint is cosigned by ${options.witnesses.map((w) => w.name).join(' and ')}`);
  if (pin && pin.size <= size) vouched = Math.max(vouched, pin.size);
  if (vouched >= size) return { checkpoints: rows.length, problems };
  const unsignedTail = { from: vouched, to: size };
  if (options.strict)
    problems.push(`entries ${vouched}–${size - 1}: after the last signed checkpoint (unsigned tail, --strict)`);
  return { checkpoints: rows.length, problems, unsignedTail };
}

const cosignedByAll = (note: string, options: VerifyOptions) =>
  (options.witnesses ?? []).every((w) => w.cosignedAt(note) !== undefined);
