import type { Worker } from 'node:worker_threads';
import { startTypeScriptWorker } from '../worker-thread.js';
import type { LedgerStorage, NewLeaf, StoredEntry } from './ledger-storage.js';
import { nodeKey } from './ledger-storage.js';
import type { Hash } from './merkle.js';
import { openSqliteLedger, treeReads } from './sqlite-ledger-connection.js';
import type { WriteReply, WriteRequest } from './sqlite-ledger-writer.js';

interface Waiting {
  resolve: (first: number) => void;
  reject: (err: Error) => void;
}

/**
 * Appends go to a worker thread that owns the write connection (see `sqlite-ledger-writer.ts`), one
 * batch at a time. The worker only keeps the process alive while a write is outstanding, and a worker
 * that dies fails its waiting writes (the caller answers 503) and is replaced on the next append.
 */
function ledgerWriter(path: string, onThread: (thread: Worker) => void) {
  let worker: Worker | undefined;
  let nextId = 0;
  const waiting = new Map<number, Waiting>();

  const failAll = (err: Error) => {
    for (const w of waiting.values()) w.reject(err);
    waiting.clear();
  };
  const start = () => {
    const w = startTypeScriptWorker(new URL('./sqlite-ledger-writer.ts', import.meta.url), { path });
    onThread(w);
    w.on('message', (reply: WriteReply) => {
      const entry = waiting.get(reply.id);
      waiting.delete(reply.id);
      if (waiting.size === 0) w.unref();
      if ('error' in reply) entry?.reject(new Error(reply.error));
      else entry?.resolve(reply.first);
    });
    w.on('error', (err) => failAll(err));
    w.on('exit', () => {
      if (worker === w) worker = undefined;
      failAll(new Error('ledger writer stopped'));
    });
    w.unref();
    return w;
  };

  return {
    write(origin: string, leaves: NewLeaf[]): Promise<number> {
      worker ??= start();
      const w = worker;
      const id = nextId++;
      const req: WriteRequest = {
        id,
        origin,
        leaves: leaves.map((l) => ({ leafHash: l.leafHash, body: l.body, tijd: l.tijd.toISOString() })),
      };
      return new Promise<number>((resolve, reject) => {
        waiting.set(id, { resolve, reject });
        w.ref();
        w.postMessage(req);
      });
    },
    async close() {
      const w = worker;
      worker = undefined;
      if (!w) return;
      const exited = new Promise<void>((r) => w.once('exit', () => r()));
      // Held until it has closed its connection, or this process could end while waiting for that.
      w.ref();
      w.postMessage('close');
      await exited;
    },
  };
}

/**
 * The ledger on SQLite: appends through the writer thread (`BEGIN IMMEDIATE`, so two gateway processes
 * on one file cannot both read the same size), reads for proofs and exports on this thread's own
 * connection — WAL lets them run beside the writer and see every committed batch. `onWriterThread`
 * sees each writer thread started (tests stop one to show that writes fail cleanly and resume).
 */
export function sqliteLedgerStorage(
  path: string,
  options: { onWriterThread?: (thread: Worker) => void } = {},
): LedgerStorage {
  const db = openSqliteLedger(path);
  const writer = ledgerWriter(path, options.onWriterThread ?? (() => {}));
  const tree = treeReads(db);
  const levelStmt = db.prepare(
    'SELECT "idx" AS "index", hex("hash") AS "hex" FROM "LedgerNode" WHERE "logId" = ? AND "level" = ? AND "idx" >= ? AND "idx" < ? ORDER BY "idx"',
  );
  const verificationStmt = db.prepare(
    'SELECT "idx" AS "index", hex("leafHash") AS "leafHex", "body", "tijd" FROM "LedgerEntry" WHERE "logId" = ? AND "idx" >= ? AND "idx" < ? ORDER BY "idx"',
  );
  const rangeStmt = db.prepare(
    'SELECT "idx", "leafHash", "body", "tijd" FROM "LedgerEntry" WHERE "logId" = ? AND "idx" >= ? AND "idx" < ? ORDER BY "idx"',
  );

  const readNode = (origin: string, level: number, index: number): Hash => {
    const hash = tree.node(origin, level, index);
    if (!hash) throw new Error(`ledger ${origin}: no node ${level}/${index}`);
    return hash;
  };

  return {
    async appendBatch(origin, leaves) {
      const first = await writer.write(origin, leaves);
      return leaves.map((l, i): StoredEntry => ({
        index: first + i,
        leafHash: l.leafHash,
        body: l.body,
        tijd: l.tijd,
      }));
    },
    async size(origin) {
      return tree.size(origin);
    },
    async nodes(origin, wanted) {
      const out = new Map<string, Hash>();
      for (const w of wanted) out.set(nodeKey(w.level, w.index), readNode(origin, w.level, w.index));
      return out;
    },
    async entries(origin, from, to) {
      return (rangeStmt.all(origin, from, to) as { idx: number; leafHash: Buffer; body: string; tijd: string }[]).map(
        (r): StoredEntry => ({
          index: r.idx,
          leafHash: r.leafHash,
          body: r.body,
          tijd: new Date(r.tijd),
        }),
      );
    },
    async verificationEntries(origin, from, to) {
      return verificationStmt.all(origin, from, to) as { index: number; leafHex: string; body: string; tijd: string }[];
    },
    async levelNodes(origin, level, from, to) {
      return levelStmt.all(origin, level, from, to) as { index: number; hex: string }[];
    },
    async close() {
      await writer.close();
      db.close();
    },
  };
}
