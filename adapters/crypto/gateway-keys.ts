import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { exportJWK, generateKeyPair, importJWK, type CryptoKey, type JWK } from 'jose';

/** One of the gateway's own signing keys (Ed25519). The newest active key signs; all listed keys verify. */
interface StoredKey {
  kid: string;
  createdAt: string;
  /** After this moment the key no longer signs; it stays published until nothing it signed can be valid. */
  retiredAt?: string;
  privateJwk: JWK;
}

export interface GatewayKeys {
  /** The key new tokens and checkpoints are signed with. */
  signing(): { kid: string; key: CryptoKey };
  /** Public key by kid, for verification (retired keys included). */
  verificationKey(kid: string): CryptoKey | undefined;
  /** The public JWK Set the gateway publishes. */
  jwks(): { keys: JWK[] };
  /**
   * Re-reads the key file now if it changed (normally done by itself within a second). Rejects with a
   * KeyFileError when the file cannot be read or holds no usable key; the last good keys stay in use.
   */
  reload(): Promise<void>;
  /** Why the last re-read failed, while the file stays unreadable; undefined once a read succeeds. */
  reloadError(): KeyFileError | undefined;
}

/**
 * The key file could not be (re-)read. The message names the file and the kind of failure only: a
 * parse error's own message quotes the file's text, which is private key material.
 */
export class KeyFileError extends Error {
  constructor(
    readonly path: string,
    readonly reason: string,
  ) {
    super(`gateway key file ${path} could not be read (${reason}); the last good keys stay in use`);
    this.name = 'KeyFileError';
  }
}

/** A short, content-free description of why reading the key file failed. */
function reasonOf(e: unknown): string {
  const code = (e as { code?: unknown } | null)?.code;
  if (typeof code === 'string') return code;
  if (e instanceof SyntaxError) return 'not valid JSON';
  if (e instanceof Error && /no active signing key/.test(e.message)) return 'no active signing key';
  return e instanceof Error ? e.name : 'unknown error';
}

/** Where a failed re-read is reported; a pino logger fits. */
export interface KeyReloadLogger {
  warn(obj: Record<string, unknown>, msg: string): void;
  info(obj: Record<string, unknown>, msg: string): void;
}

async function newKey(now: Date): Promise<StoredKey> {
  const { privateKey } = await generateKeyPair('EdDSA', { crv: 'Ed25519', extractable: true });
  return { kid: randomUUID(), createdAt: now.toISOString(), privateJwk: await exportJWK(privateKey) };
}

function save(path: string, keys: StoredKey[]): void {
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  // Write-then-rename: a crash mid-write never leaves a truncated key file.
  writeFileSync(`${path}.tmp`, JSON.stringify({ keys }, null, 2), { mode: 0o600 });
  renameSync(`${path}.tmp`, path);
}

function read(path: string): StoredKey[] {
  return (JSON.parse(readFileSync(path, 'utf8')) as { keys: StoredKey[] }).keys;
}

/**
 * Rotates without downtime: a new key becomes the signer, the old one is retired but stays published,
 * so tokens it signed keep verifying until they expire. Running gateways pick the change up on reload.
 */
export async function rotateGatewayKeys(path: string, now: Date): Promise<string> {
  const keys = existsSync(path) ? read(path) : [];
  for (const k of keys) k.retiredAt ??= now.toISOString();
  const fresh = await newKey(now);
  save(path, [...keys, fresh]);
  return fresh.kid;
}

interface KeySet {
  activeKid: string;
  imported: Map<string, { privateKey: CryptoKey; publicKey: CryptoKey; publicJwk: JWK }>;
}

async function importKeySet(path: string, now: Date, maxRetiredAgeMs: number): Promise<KeySet> {
  const stored = read(path).filter((k) => !k.retiredAt || now.getTime() - Date.parse(k.retiredAt) < maxRetiredAgeMs);
  const active = stored.filter((k) => !k.retiredAt).at(-1);
  if (!active) throw new Error(`no active signing key in ${path}`);
  const imported: KeySet['imported'] = new Map();
  for (const k of stored) {
    const { d: _d, ...publicJwk } = k.privateJwk;
    imported.set(k.kid, {
      privateKey: (await importJWK({ ...k.privateJwk, alg: 'EdDSA' }, 'EdDSA')) as CryptoKey,
      publicKey: (await importJWK({ ...publicJwk, alg: 'EdDSA' }, 'EdDSA')) as CryptoKey,
      publicJwk: { ...publicJwk, kid: k.kid, alg: 'EdDSA', use: 'sig' },
    });
  }
  return { activeKid: active.kid, imported };
}

/**
 * Loads the gateway's key file, creating a first key when there is none. The file is checked for
 * changes at most once a second, so `knooppunt keys rotate` takes effect in running gateways without a
 * restart; retired keys keep verifying for `maxRetiredAgeMs` (longer than any token lives).
 */
export async function loadGatewayKeys(
  path: string,
  now: Date,
  options: { maxRetiredAgeMs?: number; clock?: () => Date; logger?: KeyReloadLogger } = {},
): Promise<GatewayKeys> {
  const maxRetiredAgeMs = options.maxRetiredAgeMs ?? 24 * 60 * 60 * 1000;
  const clock = options.clock ?? (() => new Date());
  if (!existsSync(path)) await rotateGatewayKeys(path, now);
  let set = await importKeySet(path, now, maxRetiredAgeMs);
  let mtimeMs = statSync(path).mtimeMs;
  let checkedAt = Date.now();
  let reloading: Promise<void> | undefined;
  let failure: KeyFileError | undefined;
  let failedMtimeMs: number | undefined;
  const report = (error: KeyFileError, fileMtimeMs: number | undefined) => {
    // Once per change of the file, not once a second while it stays broken.
    if (failure?.reason !== error.reason || failedMtimeMs !== fileMtimeMs)
      options.logger?.warn({ keyFile: path, reason: error.reason, activeKid: set.activeKid }, error.message);
    failure = error;
    failedMtimeMs = fileMtimeMs;
  };
  const refresh = () => {
    if (reloading || Date.now() - checkedAt < 1000) return;
    checkedAt = Date.now();
    const current = statSync(path, { throwIfNoEntry: false })?.mtimeMs;
    if (current === mtimeMs) return;
    if (current === undefined) return report(new KeyFileError(path, 'ENOENT'), current);
    // The swap happens once the new set is imported; until then the old set keeps serving.
    reloading = importKeySet(path, clock(), maxRetiredAgeMs)
      .then(
        (next) => {
          set = next;
          mtimeMs = current;
          if (failure)
            options.logger?.info({ keyFile: path, activeKid: next.activeKid }, 'gateway key file read again');
          failure = undefined;
        },
        (e: unknown) => report(new KeyFileError(path, reasonOf(e)), current),
      )
      .finally(() => {
        reloading = undefined;
      });
  };
  return {
    signing: () => {
      refresh();
      return { kid: set.activeKid, key: set.imported.get(set.activeKid)!.privateKey };
    },
    verificationKey: (kid) => {
      refresh();
      return set.imported.get(kid)?.publicKey;
    },
    jwks: () => {
      refresh();
      return { keys: [...set.imported.values()].map((k) => k.publicJwk) };
    },
    reload: async () => {
      checkedAt = 0;
      refresh();
      await reloading;
      if (failure) throw failure;
    },
    reloadError: () => failure,
  };
}
