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
  /** Re-reads the key file now if it changed (normally done by itself within a second). */
  reload(): Promise<void>;
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
  options: { maxRetiredAgeMs?: number; clock?: () => Date } = {},
): Promise<GatewayKeys> {
  const maxRetiredAgeMs = options.maxRetiredAgeMs ?? 24 * 60 * 60 * 1000;
  const clock = options.clock ?? (() => new Date());
  if (!existsSync(path)) await rotateGatewayKeys(path, now);
  let set = await importKeySet(path, now, maxRetiredAgeMs);
  let mtimeMs = statSync(path).mtimeMs;
  let checkedAt = Date.now();
  let reloading: Promise<void> | undefined;
  const refresh = () => {
    if (reloading || Date.now() - checkedAt < 1000) return;
    checkedAt = Date.now();
    const current = statSync(path, { throwIfNoEntry: false })?.mtimeMs;
    if (current === undefined || current === mtimeMs) return;
    // The swap happens once the new set is imported; until then the old set keeps serving.
    reloading = importKeySet(path, clock(), maxRetiredAgeMs)
      .then(
        (next) => {
          set = next;
          mtimeMs = current;
        },
        () => undefined,
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
    },
  };
}
