import { availableParallelism } from 'node:os';
import type { Worker } from 'node:worker_threads';
import { startTypeScriptWorker } from '../worker-thread.js';
import type { LedgerStorage } from './ledger-storage.js';
import { type ChunkResult, verifyChunk } from './verify-chunk.js';
import type { ChunkReply, ChunkRequest } from './verify-worker.js';

export interface VerifyPool {
  readonly threads: number;
  verify(origin: string, from: number, to: number, chunkLog2: number): Promise<ChunkResult>;
  close(): Promise<void>;
}

/** Reading and hashing dominate verification and are independent per chunk: one thread per core. */
export const defaultVerifyThreads = () => Math.max(1, Math.min(8, availableParallelism()));

/**
 * Worker threads that each open the log themselves and verify chunks of it. With 0 threads, chunks
 * are verified on the calling thread with `storage`.
 */
export function verifyPool(databaseUrl: string, storage: LedgerStorage, threads = defaultVerifyThreads()): VerifyPool {
  if (threads === 0)
    return {
      threads,
      verify: (origin, from, to, chunkLog2) => verifyChunk(storage, origin, from, to, chunkLog2),
      close: async () => {},
    };
  const waiting = new Map<number, { resolve: (r: ChunkResult) => void; reject: (err: Error) => void }>();
  const failAll = (err: Error) => {
    for (const w of waiting.values()) w.reject(err);
    waiting.clear();
  };
  const running = new Set<Worker>();
  const workers = Array.from({ length: threads }, () => {
    const w = startTypeScriptWorker(new URL('./verify-worker.ts', import.meta.url), { databaseUrl });
    running.add(w);
    w.on('message', (reply: ChunkReply) => {
      const entry = waiting.get(reply.id);
      waiting.delete(reply.id);
      if ('error' in reply) entry?.reject(new Error(reply.error));
      else
        entry?.resolve({
          ...reply.result,
          levels: reply.result.levels.map((l) => Buffer.from(l.buffer, l.byteOffset, l.byteLength)),
        });
    });
    w.on('error', failAll);
    w.on('exit', () => {
      running.delete(w);
      failAll(new Error('verify worker stopped'));
    });
    return w;
  });
  let next = 0;
  return {
    threads,
    verify(origin, from, to, chunkLog2) {
      const id = next++;
      return new Promise((resolve, reject) => {
        waiting.set(id, { resolve, reject });
        const req: ChunkRequest = { id, origin, from, to, chunkLog2 };
        workers[id % threads]!.postMessage(req);
      });
    },
    async close() {
      // Each closes its connection and exits; one that already stopped has nothing to close.
      await Promise.all(
        [...running].map(
          (w) =>
            new Promise<void>((r) => {
              w.once('exit', () => r());
              w.postMessage('close');
            }),
        ),
      );
    },
  };
}
