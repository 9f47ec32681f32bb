import type { Hash } from './merkle.js';

export interface StoredEntry {
  index: number;
  leafHash: Hash;
  body: string;
  tijd: Date;
}

/** Completed perfect subtree hashes to store, computed by the sequencer while it holds the lock. */
export interface NewNode {
  level: number;
  index: number;
  hash: Hash;
}

/**
 * SQL storage of one or more logs. `appendBatch` is the only writer: it takes the log's lock, reads
 * the current size, lets `build` number the entries from there and compute the completed subtrees,
 * writes both and commits — so indices stay contiguous across processes sharing the database, and a
 * caller hears of its index only after COMMIT.
 */
export interface LedgerStorage {
  appendBatch(
    logId: string,
    build: (size: number, frontier: (level: number, index: number) => Promise<Hash>) => Promise<{ entries: StoredEntry[]; nodes: NewNode[] }>,
  ): Promise<StoredEntry[]>;
  size(logId: string): Promise<number>;
  /** Perfect subtree hashes by (level, index); level 0 is the leaf hash. */
  nodes(logId: string, wanted: { level: number; index: number }[]): Promise<Map<string, Hash>>;
  entries(logId: string, from: number, to: number): Promise<StoredEntry[]>;
  /** Stored perfect subtree hashes of one level (≥ 1) for indices [from, to), in order; missing ones are absent. */
  levelNodes(logId: string, level: number, from: number, to: number): Promise<{ index: number; hash: Hash }[]>;
  close(): Promise<void>;
}

export const nodeKey = (level: number, index: number) => `${level}:${index}`;
