import { parentPort, workerData } from 'node:worker_threads';
import { openLedgerStorage } from './open-ledger-storage.js';
import { type ChunkResult, verifyChunk } from './verify-chunk.js';

/** Worker thread of the verifier: reads and checks chunks of the log on its own connection. */
export interface ChunkRequest {
  id: number;
  origin: string;
  from: number;
  to: number;
  chunkLog2: number;
}

export type ChunkReply = { id: number; result: ChunkResult } | { id: number; error: string };

const port = parentPort;
if (!port) throw new Error('verify-worker runs as a worker thread');
const storage = openLedgerStorage((workerData as { databaseUrl: string }).databaseUrl);
port.on('message', (req: ChunkRequest | 'close') => {
  if (req === 'close') {
    void storage.close().then(() => port.close());
    return;
  }
  verifyChunk(storage, req.origin, req.from, req.to, req.chunkLog2).then(
    (result) => {
      const reply: ChunkReply = { id: req.id, result };
      // Buffer.alloc gives each level its own ArrayBuffer, so they move to the caller without a copy.
      port.postMessage(
        reply,
        result.levels
          .filter((l) => l.byteOffset === 0 && l.buffer.byteLength === l.byteLength)
          .map((l) => l.buffer as ArrayBuffer),
      );
    },
    (err: unknown) =>
      port.postMessage({ id: req.id, error: err instanceof Error ? err.message : String(err) } satisfies ChunkReply),
  );
});
