import type { LedgerStorage, StoredEntry } from './ledger-storage.js';
import { nodeKey } from './ledger-storage.js';
import { bodyTime } from './entry-time.js';
import { verifyRange } from './verify-range.js';
import { canonicalJson } from './canonical-json.js';
import { consistencyProof, type Hash, inclusionProof, leafHash, subtreeHash } from './merkle.js';

export interface LedgerReceipt {
  origin: string;
  index: number;
  /** Hex SHA-256 leaf hash: with an inclusion proof, shows this exact entry is in the log. */
  leafHash: string;
}

export interface Ledger {
  readonly origin: string;
  /**
   * Appends one entry and resolves only after the batch holding it is committed. The entry's time is
   * part of its hashed body: its own `tijd` (an ISO time) or, when it has none, `tijd` written into it.
   */
  append(body: Record<string, unknown>, tijd: Date): Promise<LedgerReceipt>;
  size(): Promise<number>;
  root(size: number): Promise<Hash>;
  inclusionProof(index: number, size: number): Promise<Hash[]>;
  consistencyProof(from: number, to: number): Promise<Hash[]>;
  /** Entries [from, to); each one's `tijd` is the time its hashed body states, not the unhashed column. */
  entries(from: number, to: number): Promise<StoredEntry[]>;
  /** Problems with entries [from, to): missing, body not matching its leaf hash, `tijd` column not its body's. */
  verifyRange(from: number, to: number): Promise<string[]>;
  close(): Promise<void>;
}

/** Goes to storage as it is (a `NewLeaf`): no second object per entry. */
interface Pending {
  body: string;
  leafHash: Hash;
  tijd: Date;
  resolve: (r: LedgerReceipt) => void;
  reject: (e: unknown) => void;
}

/** Runs a proof builder against stored perfect subtrees: first learn which it needs, then fetch them in one go. */
async function withStoredNodes<T>(
  storage: LedgerStorage,
  origin: string,
  compute: (perfect: (level: number, index: number) => Hash) => T,
): Promise<T> {
  const wanted = new Map<string, { level: number; index: number }>();
  const zero = Buffer.alloc(32);
  compute((level, index) => {
    wanted.set(nodeKey(level, index), { level, index });
    return zero;
  });
  const stored = await storage.nodes(origin, [...wanted.values()]);
  return compute((level, index) => stored.get(nodeKey(level, index))!);
}

/**
 * The disclosure log: entries are canonical JSON (RFC 8785, `canonicalJson`) hashed as RFC 6962
 * leaves. Appends are group-committed: while a batch commits, new entries queue and go together in the
 * next (up to `maxBatch`), so throughput grows with load and an idle append waits for nothing. A queue
 * that fills a whole batch is sent at once, even while earlier batches are still committing (at most
 * `maxInFlight` at a time, default two: one committing, one ready): storage numbers each batch under its own lock, so indices stay contiguous,
 * and the writer can commit one batch while this thread is still preparing the entries of the next.
 */
export function createLedger(
  storage: LedgerStorage,
  origin: string,
  options: { maxBatch?: number; maxInFlight?: number } = {},
): Ledger {
  const maxBatch = options.maxBatch ?? 256;
  const maxInFlight = options.maxInFlight ?? 2;
  const queue: Pending[] = [];
  let inFlight = 0;

  const send = () => {
    const batch = queue.splice(0, maxBatch);
    inFlight++;
    let stored: Promise<StoredEntry[]>;
    try {
      // Called here, not in a later microtask: a writer thread starts on it while this thread goes on.
      stored = storage.appendBatch(origin, batch);
    } catch (err) {
      stored = Promise.reject(err);
    }
    void stored
      .then((entries) => {
        // A storage that answers for other entries than it was given has failed: no receipt is made up.
        if (entries.length !== batch.length || entries.some((e, i) => !e.leafHash.equals(batch[i]!.leafHash)))
          throw new Error(`ledger storage answered ${entries.length} entries for a batch of ${batch.length}`);
        batch.forEach((p, i) =>
          p.resolve({ origin, index: entries[i]!.index, leafHash: entries[i]!.leafHash.toString('hex') }),
        );
      })
      .catch((err: unknown) => batch.forEach((p) => p.reject(err)))
      .finally(() => {
        inFlight--;
        sendWhatIsDue();
      });
  };
  // An idle log sends at once; a busy one waits for a full batch or for the log to fall idle.
  const sendWhatIsDue = () => {
    while (queue.length > 0 && (inFlight === 0 || (queue.length >= maxBatch && inFlight < maxInFlight))) send();
  };

  return {
    origin,
    append(body, tijd) {
      const stated = body.tijd === undefined ? tijd : typeof body.tijd === 'string' ? new Date(body.tijd) : undefined;
      if (!stated || Number.isNaN(stated.getTime())) return Promise.reject(new Error('ledger entry has no valid tijd'));
      const text = canonicalJson(body.tijd === undefined ? { ...body, tijd: stated.toISOString() } : body);
      if (text === undefined) return Promise.reject(new Error('ledger entry is not JSON'));
      return new Promise<LedgerReceipt>((resolve, reject) => {
        queue.push({ body: text, leafHash: leafHash(Buffer.from(text, 'utf8')), tijd: stated, resolve, reject });
        sendWhatIsDue();
      });
    },
    size: () => storage.size(origin),
    root: (size) => withStoredNodes(storage, origin, (perfect) => subtreeHash(0, size, perfect)),
    inclusionProof: (index, size) =>
      withStoredNodes(storage, origin, (perfect) => inclusionProof(index, size, perfect)),
    consistencyProof: (from, to) => withStoredNodes(storage, origin, (perfect) => consistencyProof(from, to, perfect)),
    entries: async (from, to) =>
      (await storage.entries(origin, from, to)).map((e) => ({
        ...e,
        tijd: new Date(bodyTime(e.body, Number.isNaN(e.tijd.getTime()) ? undefined : e.tijd.toISOString())),
      })),
    verifyRange: (from, to) => verifyRange(storage, origin, from, to),
    close: () => storage.close(),
  };
}
