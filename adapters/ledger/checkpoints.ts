import type { KeyObject } from 'node:crypto';
import { CompactSign } from 'jose';
import type { Db } from '../store/open-store.js';
import type { Ledger } from './ledger.js';
import { verifyConsistency, type Hash } from './merkle.js';
import { noteSigner, type NoteSigner } from './signed-note.js';

export interface Checkpoint {
  origin: string;
  size: number;
  rootHash: string;
  signedNote: string;
  jws: string;
}

export function checkpointText(origin: string, size: number, root: Hash): string {
  return `${origin}\n${size}\n${root.toString('base64')}\n`;
}

const toCheckpoint = (
  origin: string,
  row: { size: bigint | number; rootHash: Uint8Array; signedNote: string; jws: string },
): Checkpoint => ({
  origin,
  size: Number(row.size),
  rootHash: Buffer.from(row.rootHash).toString('hex'),
  signedNote: row.signedNote,
  jws: row.jws,
});

/**
 * Signed tree heads for the disclosure log. A new checkpoint is only signed after its tree has been
 * proven consistent with the latest earlier checkpoint, so the log can never sign two views of
 * history; stored checkpoints are kept for every size they were made at.
 */
/** `store` is the opened store (its raw client holds the checkpoint table). */
export function checkpoints(store: { db: Db }, ledger: Ledger, signer: NoteSigner, signingKey: KeyObject) {
  const { db } = store;
  const origin = ledger.origin;
  const latestRow = () => db.ledgerCheckpoint.findFirst({ where: { logId: origin }, orderBy: { size: 'desc' } });
  return {
    async latest(): Promise<Checkpoint | undefined> {
      const row = await latestRow();
      return row ? toCheckpoint(origin, row) : undefined;
    },
    async atSize(size: number): Promise<Checkpoint | undefined> {
      const row = await db.ledgerCheckpoint.findUnique({
        where: { logId_size: { logId: origin, size: BigInt(size) } },
      });
      return row ? toCheckpoint(origin, row) : undefined;
    },
    /** Replaces the stored note at `size` (the same note with witness cosignature lines added). */
    async storeCosignedNote(size: number, signedNote: string): Promise<void> {
      await db.ledgerCheckpoint.update({
        where: { logId_size: { logId: origin, size: BigInt(size) } },
        data: { signedNote },
      });
    },
    /** Signs a checkpoint at the current size, if the log grew since the last one. */
    async create(): Promise<Checkpoint | undefined> {
      const size = await ledger.size();
      const previous = await latestRow();
      if (size === 0 || (previous && Number(previous.size) >= size))
        return previous ? toCheckpoint(origin, previous) : undefined;
      const root = await ledger.root(size);
      if (previous) {
        const proof = await ledger.consistencyProof(Number(previous.size), size);
        if (!verifyConsistency(Number(previous.size), size, Buffer.from(previous.rootHash), root, proof)) {
          throw new Error(
            `ledger ${origin}: tree at ${size} is not consistent with checkpoint ${previous.size}; refusing to sign`,
          );
        }
      }
      const text = checkpointText(origin, size, root);
      const jws = await new CompactSign(
        new TextEncoder().encode(JSON.stringify({ origin, size, root: root.toString('base64') })),
      )
        .setProtectedHeader({ alg: 'EdDSA', kid: signer.keyId.toString('hex'), typ: 'checkpoint+jws' })
        .sign(signingKey);
      const row = {
        logId: origin,
        size: BigInt(size),
        rootHash: new Uint8Array(root),
        signedNote: signer.sign(text),
        jws,
      };
      await db.ledgerCheckpoint.upsert({
        where: { logId_size: { logId: origin, size: BigInt(size) } },
        create: row,
        update: {},
      });
      return toCheckpoint(origin, row);
    },
  };
}

export type Checkpoints = ReturnType<typeof checkpoints>;

/** The log's signer and its one checkpoint maker, shared by the periodic checkpointer and the API. */
export interface LogSigning {
  signer: NoteSigner;
  checkpoints: Checkpoints;
}

export function logSigning(store: { db: Db }, ledger: Ledger, signingKey: KeyObject): LogSigning {
  const signer = noteSigner(ledger.origin, signingKey);
  return { signer, checkpoints: checkpoints(store, ledger, signer, signingKey) };
}
