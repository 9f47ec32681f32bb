import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { request } from 'node:https';
import { parseCheckpoint } from './checkpoint-body.js';
import type { WitnessVerifier } from './cosignature.js';
import { verifyConsistency } from './merkle.js';
import type { NoteVerifier } from './signed-note.js';

/** What a monitor concluded about the log, with the exit code the CLI gives it. */
export type MonitorOutcome =
  | { status: 'ok'; size: number; previous?: number }
  | { status: 'unreachable'; reason: string }
  | { status: 'bad-signature'; reason: string }
  | { status: 'rollback'; size: number; previous: number }
  | { status: 'fork'; size: number; previous: number; reason: string }
  | { status: 'unwitnessed'; size: number; missing: string[] };

/** Exit codes of `knooppunt ledger monitor` and `ledger witness` (2 is usage, as for every command). */
export const monitorExitCodes: Record<MonitorOutcome['status'], number> = {
  ok: 0,
  unreachable: 1,
  'bad-signature': 3,
  rollback: 4,
  fork: 5,
  unwitnessed: 6,
};

/** The last checkpoint a monitor verified: the note as served, so it can be shown to anyone later. */
export interface MonitorState {
  origin: string;
  size: number;
  rootHex: string;
  signedNote: string;
}

export interface LogSource {
  latestCheckpoint(): Promise<{ signedNote: string }>;
  consistencyProof(from: number, to: number): Promise<string[]>;
}

/** The gateway's public log endpoints, and the one a witness sends its cosignature to. */
export interface HttpsLogSource extends LogSource {
  submitCosignature(size: number, line: string): Promise<void>;
}

/**
 * One round of monitoring (c2sp.org/tlog-witness does the same before cosigning): fetch the latest
 * checkpoint, check the pinned key signed it (and the required witnesses cosigned it), and prove it
 * consistent with the last one seen. A smaller tree is a rollback, the same size with another root or
 * a proof that does not verify is a fork. Only an `ok` outcome carries a new state to store.
 */
export async function monitorOnce(
  source: LogSource,
  verifier: NoteVerifier,
  previous: MonitorState | undefined,
  witnesses: WitnessVerifier[] = [],
): Promise<{ outcome: MonitorOutcome; state?: MonitorState }> {
  let note: string;
  try {
    note = (await source.latestCheckpoint()).signedNote;
  } catch (err) {
    return { outcome: { status: 'unreachable', reason: (err as Error).message } };
  }
  let cp;
  try {
    cp = parseCheckpoint(verifier.open(note));
    if (cp.origin !== verifier.name) throw new Error(`checkpoint for log ${cp.origin}, not ${verifier.name}`);
  } catch (err) {
    return { outcome: { status: 'bad-signature', reason: (err as Error).message } };
  }
  const missing = witnesses.filter((w) => w.cosignedAt(note) === undefined).map((w) => w.name);
  if (missing.length > 0) return { outcome: { status: 'unwitnessed', size: cp.size, missing } };
  const state = { origin: cp.origin, size: cp.size, rootHex: cp.root.toString('hex'), signedNote: note };
  if (!previous) return { outcome: { status: 'ok', size: cp.size }, state };
  const was = { size: previous.size, root: Buffer.from(previous.rootHex, 'hex') };
  if (cp.size < was.size) return { outcome: { status: 'rollback', size: cp.size, previous: was.size } };
  if (cp.size === was.size) {
    return cp.root.equals(was.root)
      ? { outcome: { status: 'ok', size: cp.size, previous: was.size }, state }
      : { outcome: { status: 'fork', size: cp.size, previous: was.size, reason: 'same size, another root' } };
  }
  let proof: Buffer[];
  try {
    proof = (await source.consistencyProof(was.size, cp.size)).map((h) => Buffer.from(h, 'hex'));
  } catch (err) {
    return { outcome: { status: 'unreachable', reason: (err as Error).message } };
  }
  if (!verifyConsistency(was.size, cp.size, was.root, cp.root, proof))
    return {
      outcome: { status: 'fork', size: cp.size, previous: was.size, reason: 'consistency proof does not verify' },
    };
  return { outcome: { status: 'ok', size: cp.size, previous: was.size }, state };
}

/** Reads a monitor's state file; a missing file is a first run. */
export function readMonitorState(path: string): MonitorState | undefined {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
  return JSON.parse(text) as MonitorState;
}

/** Writes the state file atomically (a crash leaves the old one or the new one, never half). */
export function writeMonitorState(path: string, state: MonitorState): void {
  writeFileSync(`${path}.tmp`, `${JSON.stringify(state, null, 2)}\n`, { mode: 0o600 });
  renameSync(`${path}.tmp`, path);
}

function getJson(url: string, ca: Buffer | undefined, post?: unknown): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (post !== undefined) headers['content-type'] = 'application/json';
    const method = post === undefined ? 'GET' : 'POST';
    const req = request(url, { method, ca, headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      let length = 0;
      res.on('data', (c: Buffer) => {
        // A checkpoint or proof is a few kilobytes: a server sending more is not one to trust.
        if ((length += c.length) > 1_000_000) req.destroy(new Error(`${url}: answer too large`));
        else chunks.push(c);
      });
      res.on('end', () => {
        const body = Buffer.concat(chunks).toString('utf8');
        if (res.statusCode !== 200) return reject(new Error(`${url}: HTTP ${res.statusCode}`));
        try {
          resolve(JSON.parse(body));
        } catch {
          reject(new Error(`${url}: not JSON`));
        }
      });
    });
    req.setTimeout(15_000, () => req.destroy(new Error(`${url}: timed out`)));
    req.on('error', reject);
    req.end(post === undefined ? undefined : JSON.stringify(post));
  });
}

/** The gateway's public checkpoint and consistency-proof endpoints over HTTPS (no client certificate). */
export function httpsLogSource(baseUrl: string, ca?: Buffer): HttpsLogSource {
  const base = baseUrl.replace(/\/+$/, '');
  return {
    async latestCheckpoint() {
      const body = (await getJson(`${base}/verstrekkingslog/checkpoint`, ca)) as { signedNote?: unknown };
      if (typeof body.signedNote !== 'string') throw new Error('checkpoint answer has no signedNote');
      return { signedNote: body.signedNote };
    },
    async consistencyProof(from, to) {
      const body = (await getJson(`${base}/verstrekkingslog/consistentiebewijs?van=${from}&tot=${to}`, ca)) as {
        bewijs?: unknown;
      };
      if (!Array.isArray(body.bewijs) || !body.bewijs.every((h) => typeof h === 'string' && /^[0-9a-f]{64}$/.test(h)))
        throw new Error('consistency proof answer is malformed');
      return body.bewijs as string[];
    },
    async submitCosignature(size, line) {
      await getJson(`${base}/verstrekkingslog/checkpoints/${size}/cosignaturen`, ca, { cosignature: line });
    },
  };
}
