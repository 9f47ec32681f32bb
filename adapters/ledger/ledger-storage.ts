import type { Hash } from './merkle.js';

export interface StoredEntry {
  index: number;
  leafHash: Hash;
  body: string;
  tijd: Date;
}

/** An entry to append: its canonical body and leaf hash; storage gives it its index. */
export interface NewLeaf {
  leafHash: Hash;
  body: string;
  tijd: Date;
}

/** A completed perfect subtree hash to store beside the entries. */
export interface NewNode {
  level: number;
  index: number;
  hash: Hash;
}

/**
 * SQL storage of one or more logs. `appendBatch` is the only writer: it takes the log's lock, reads
 * the current size and the frontier, numbers the leaves from there, stores them with the subtrees they
 * complete (`planAppend`) and commits — so indices stay contiguous across processes sharing the
 * database, and a caller hears of its index only after COMMIT.
 */
export interface LedgerStorage {
  appendBatch(origin: string, leaves: NewLeaf[]): Promise<StoredEntry[]>;
  size(origin: string): Promise<number>;
  /** Perfect subtree hashes by (level, index); level 0 is the leaf hash. */
  nodes(origin: string, wanted: { level: number; index: number }[]): Promise<Map<string, Hash>>;
  entries(origin: string, from: number, to: number): Promise<StoredEntry[]>;
  /**
   * For the verifier, which reads every row: entries [from, to) and stored perfect subtree hashes of one
   * level (≥ 1), in index order, hashes hex-encoded — a million Buffers and Dates cost more in garbage
   * collection than the hashing itself; `tijd` is the stored column as ISO text (checked against the
   * body). Missing rows are absent.
   */
  verificationEntries(
    origin: string,
    from: number,
    to: number,
  ): Promise<{ index: number; leafHex: string; body: string; tijd: string }[]>;
  levelNodes(origin: string, level: number, from: number, to: number): Promise<{ index: number; hex: string }[]>;
  close(): Promise<void>;
}

export const nodeKey = (level: number, index: number) => `${level}:${index}`;
