import { parentPort, workerData } from 'node:worker_threads';
import type Database from 'better-sqlite3';
import { completedSubtrees, frontierOf } from './append-plan.js';
import { multiRowInsert } from './multi-row-insert.js';
import { nodeKey } from './ledger-storage.js';
import type { Hash } from './merkle.js';
import { openSqliteLedger, treeReads } from './sqlite-ledger-connection.js';

/**
 * Worker thread that owns the SQLite ledger's write connection. better-sqlite3 is synchronous, so a
 * commit with `synchronous=FULL` (an fsync) would otherwise stall the gateway's event loop; here it
 * stalls only this thread, and while it does, the ledger queues the next batch (group commit).
 */
export interface WriteRequest {
  id: number;
  origin: string;
  leaves: { leafHash: Uint8Array; body: string; tijd: string }[];
}

export type WriteReply = { id: number; first: number } | { id: number; error: string };

const port = parentPort;
if (!port) throw new Error('sqlite-ledger-writer runs as a worker thread');
const db: Database.Database = openSqliteLedger((workerData as { path: string }).path);
const begin = db.prepare('BEGIN IMMEDIATE');
const commit = db.prepare('COMMIT');
const rollback = db.prepare('ROLLBACK');
const tree = treeReads(db);
const entryRows = multiRowInsert(
  db,
  'INSERT INTO "LedgerEntry" ("logId", "idx", "leafHash", "body", "tijd") VALUES',
  5,
);
const nodeRows = multiRowInsert(db, 'INSERT INTO "LedgerNode" ("logId", "level", "idx", "hash") VALUES', 4);

function append(req: WriteRequest): number {
  // BEGIN IMMEDIATE takes the write lock up front, so two processes on one file cannot read the same size.
  begin.run();
  try {
    const size = tree.size(req.origin);
    const frontier = new Map<string, Hash>();
    for (const { level, index } of frontierOf(size)) {
      const hash = tree.node(req.origin, level, index);
      if (hash) frontier.set(nodeKey(level, index), hash);
    }
    // The hashes arrive as copies already (structured clone): view them, do not copy again.
    const hashes = req.leaves.map((l) => Buffer.from(l.leafHash.buffer, l.leafHash.byteOffset, l.leafHash.byteLength));
    const nodes = completedSubtrees(size, hashes, frontier);
    entryRows(req.leaves.map((l, i) => [req.origin, size + i, hashes[i], l.body, l.tijd]));
    nodeRows(nodes.map((n) => [req.origin, n.level, n.index, n.hash]));
    commit.run();
    return size;
  } catch (err) {
    if (db.inTransaction) rollback.run();
    throw err;
  }
}

port.on('message', (req: WriteRequest | 'close') => {
  if (req === 'close') {
    db.close();
    port.close();
    return;
  }
  let reply: WriteReply;
  try {
    reply = { id: req.id, first: append(req) };
  } catch (err) {
    reply = { id: req.id, error: err instanceof Error ? err.message : String(err) };
  }
  port.postMessage(reply);
});
