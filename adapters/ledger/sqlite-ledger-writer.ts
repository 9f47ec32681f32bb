import { parentPort, workerData } from 'node:worker_threads';
import type Database from 'better-sqlite3';
import { completedSubtrees, frontierOf } from './append-plan.js';
import { multiRowInsert } from './multi-row-insert.js';
import { nodeKey } from './ledger-storage.js';
import { type Hash, leafHashOfText } from './merkle.js';
import { openSqliteLedger, treeReads } from './sqlite-ledger-connection.js';

/**
 * Worker thread that owns the SQLite ledger's write connection. better-sqlite3 is synchronous, so a
 * commit with `synchronous=FULL` (an fsync) would otherwise stall the gateway's event loop; here it
 * stalls only this thread, and while it does, the ledger queues the next batch (group commit).
 */
/**
 * A batch as one string and two typed arrays rather than one object per entry: structured clone then
 * copies three values instead of walking a thousand objects. `bodies` is the entries' canonical bodies
 * end to end, `lengths` their lengths (UTF-16 code units), `times` their `tijd` in epoch milliseconds.
 */
export interface WriteRequest {
  id: number;
  origin: string;
  bodies: string[];
  times: Float64Array;
}

/** `hashes`: the leaf hashes, 32 bytes each in order, hashed here rather than on the caller's thread. */
export type WriteReply = { id: number; first: number; hashes: Uint8Array } | { id: number; error: string };

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

function append(req: WriteRequest): { first: number; hashes: Uint8Array } {
  // BEGIN IMMEDIATE takes the write lock up front, so two processes on one file cannot read the same size.
  begin.run();
  try {
    const size = tree.size(req.origin);
    const frontier = new Map<string, Hash>();
    for (const { level, index } of frontierOf(size)) {
      const hash = tree.node(req.origin, level, index);
      if (hash) frontier.set(nodeKey(level, index), hash);
    }
    const n = req.bodies.length;
    // Hashed into one buffer that is handed back to the caller without a copy (transferred).
    const all = Buffer.from(new ArrayBuffer(32 * n));
    const hashes: Buffer[] = [];
    const rows: unknown[][] = [];
    for (let i = 0; i < n; i++) {
      const body = req.bodies[i]!;
      const h = all.subarray(32 * i, 32 * i + 32);
      leafHashOfText(body).copy(h);
      hashes.push(h);
      rows.push([req.origin, size + i, h, body, new Date(req.times[i]!).toISOString()]);
    }
    const nodes = completedSubtrees(size, hashes, frontier);
    entryRows(rows);
    nodeRows(nodes.map((n) => [req.origin, n.level, n.index, n.hash]));
    commit.run();
    return { first: size, hashes: all };
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
    reply = { id: req.id, ...append(req) };
  } catch (err) {
    reply = { id: req.id, error: err instanceof Error ? err.message : String(err) };
  }
  port.postMessage(reply, 'hashes' in reply ? [reply.hashes.buffer as ArrayBuffer] : []);
});
