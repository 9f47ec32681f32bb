import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Logger } from 'pino';
import type { Checkpoint, Checkpoints } from '../../adapters/ledger/checkpoints.js';
import { parseCheckpoint, type TreeHead } from '../../adapters/ledger/checkpoint-body.js';
import type { Ledger } from '../../adapters/ledger/ledger.js';
import { verifyConsistency } from '../../adapters/ledger/merkle.js';
import { noteVerifier, type NoteSigner } from '../../adapters/ledger/signed-note.js';
import { DomainError } from '../errors/domain-error.js';

export interface LogIntegrity {
  /**
   * Checks that the log still extends every tree head this process trusts — the last one it verified
   * (in memory), the newest stored signed checkpoint, and the last checkpoint it signed (kept in a file
   * beside the keys, outside the database). Resolves to the problem, or undefined when intact. Once a
   * problem is found it stays until restart: the database must be looked at by a person.
   */
  check(): Promise<string | undefined>;
  /** The ledger, with appends refused (so nothing is disclosed) while the log is not intact. */
  guard(ledger: Ledger): Ledger;
  /** Signs a checkpoint at the current size, only after `check` passes. */
  sign(): Promise<Checkpoint | undefined>;
  /** The newest signed checkpoint, only while intact (so never one larger than the log). */
  latest(): Promise<Checkpoint | undefined>;
  /** The checkpoint signed at `size`, only while intact. */
  atSize(size: number): Promise<Checkpoint | undefined>;
}

const headOf = (cp: { size: number; rootHash: string }): TreeHead => ({
  size: cp.size,
  root: Buffer.from(cp.rootHash, 'hex'),
});

function readPin(path: string | undefined): string | undefined {
  if (!path) return undefined;
  try {
    return readFileSync(path, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
}

function writePin(path: string | undefined, note: string): void {
  if (!path) return;
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  writeFileSync(`${path}.tmp`, note, { mode: 0o600 });
  renameSync(`${path}.tmp`, path);
}

/**
 * The running gateway's guard over its disclosure log. Incremental: each check hashes only the entries
 * appended since the last one and proves the current tree consistent with each trusted head from the
 * stored subtree hashes (O(log n) reads), not a full re-hash — `knooppunt ledger verify` does that.
 */
export function logIntegrity(options: {
  ledger: Ledger;
  checkpoints: Checkpoints;
  signer: NoteSigner;
  logger: Logger;
  /** Where the last signed checkpoint is kept outside the database (e.g. `<data dir>/ledger/…`). */
  pinPath?: string;
}): LogIntegrity {
  const { ledger, checkpoints, logger, pinPath } = options;
  const verifier = noteVerifier(options.signer.verifierKey());
  let verified: TreeHead | undefined;
  let signed: TreeHead | undefined;
  let problem: string | undefined;
  let running: Promise<string | undefined> | undefined;

  const fail = (reason: string) => {
    problem = reason;
    logger.error({
      msg: 'disclosure log integrity check failed: no disclosures, no checkpoints until a person has looked',
      log: ledger.origin,
      reason,
    });
    return reason;
  };

  const openHead = (note: string, what: string): TreeHead => {
    const cp = parseCheckpoint(verifier.open(note));
    if (cp.origin !== ledger.origin) throw new Error(`${what} is for log ${cp.origin}`);
    return cp;
  };

  const run = async (): Promise<string | undefined> => {
    const size = await ledger.size();
    const stored = await checkpoints.latest();
    let latest: TreeHead | undefined;
    try {
      if (stored) latest = openHead(stored.signedNote, 'the newest stored checkpoint');
      const pinned = readPin(pinPath);
      if (pinned && !signed) signed = openHead(pinned, 'the kept checkpoint');
    } catch (err) {
      return fail(`checkpoint signature: ${(err as Error).message}`);
    }
    if (signed && (!latest || latest.size < signed.size))
      return fail(`signed checkpoint ${signed.size} is gone from the database (newest stored: ${latest?.size ?? 0})`);
    const heads = [verified, signed, latest].filter((h): h is TreeHead => !!h && h.size > 0);
    const short = heads.find((h) => h.size > size);
    if (short) return fail(`the log has ${size} entries, fewer than the ${short.size} it had (history cut)`);
    // Entries nothing has vouched for yet: those appended since the last check (at start, since the newest checkpoint).
    const broken = await ledger.verifyRange(Math.min(verified?.size ?? latest?.size ?? 0, size), size);
    if (broken.length > 0) return fail(broken.join('; '));
    const root = await ledger.root(size);
    for (const h of heads) {
      const proof = await ledger.consistencyProof(h.size, size);
      if (!verifyConsistency(h.size, size, h.root, root, proof))
        return fail(`the tree of ${size} entries does not extend the one of ${h.size} (history rewritten)`);
    }
    verified = { size, root };
    if (latest && (!signed || latest.size > signed.size)) signed = latest;
    return undefined;
  };

  const check = async () => {
    if (problem) return problem;
    // One check at a time: concurrent callers share the running one.
    running ??= run()
      .catch((err: unknown) => {
        // The database being unreachable is not tampering: report it, keep no verdict.
        logger.error({ msg: 'disclosure log integrity check could not run', reason: (err as Error).message });
        return 'the disclosure log could not be read';
      })
      .finally(() => (running = undefined));
    return running;
  };

  // The reason is in the error log; callers learn only that nothing leaves.
  const refuse = () => new DomainError('unavailable', 'Het verstrekkingslog is niet intact; er wordt niets verstrekt.');

  return {
    check,
    guard: (inner) => ({
      ...inner,
      append: (body, tijd) => (problem ? Promise.reject(refuse()) : inner.append(body, tijd)),
    }),
    async sign() {
      const reason = await check();
      if (reason) throw refuse();
      const cp = await checkpoints.create();
      if (cp) {
        writePin(pinPath, cp.signedNote);
        signed = headOf(cp);
      }
      return cp;
    },
    async latest() {
      if (await check()) throw refuse();
      return checkpoints.latest();
    },
    async atSize(size) {
      if (await check()) throw refuse();
      return checkpoints.atSize(size);
    },
  };
}
