import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * Everything Knooppunt does with secrets about people, derived from one master key that never leaves
 * the server (`<data dir>/keys/master.key`, or an HSM-backed file in production):
 * - keyed pseudonyms (HMAC-SHA-256) of BSNs and of name + birth date, so records can be matched and the
 *   ledger can refer to a person without either holding the identifier;
 * - a data key per betrokkene (AES-256-GCM), itself wrapped by a key-encryption key; destroying the
 *   wrapped data key makes everything encrypted under it unreadable (crypto-shredding, for erasure).
 */
export interface DataProtection {
  bsnPseudonym(bsn: string): string;
  matchKey(normalisedNameAndBirthDate: string): string;
  /** The subject reference written to the ledger: no plain identifier, but stable per betrokkene. */
  subjectRef(betrokkeneId: string): string;
  newDataKey(): { wrapped: string; key: Buffer };
  unwrapDataKey(wrapped: string): Buffer;
  encrypt(key: Buffer, plaintext: string, context: string): string;
  decrypt(key: Buffer, ciphertext: string, context: string): string;
}

const VERSION = 'v1';

function derive(master: Buffer, purpose: string): Buffer {
  return Buffer.from(hkdfSync('sha256', master, Buffer.alloc(0), `knooppunt:${purpose}`, 32));
}

function seal(key: Buffer, plaintext: Buffer, aad: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(aad));
  const body = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return `${VERSION}.${Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url')}`;
}

function open(key: Buffer, sealed: string, aad: string): Buffer {
  const [version, data] = sealed.split('.');
  if (version !== VERSION || !data) throw new Error('unknown ciphertext format');
  const raw = Buffer.from(data, 'base64url');
  const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, 12));
  decipher.setAAD(Buffer.from(aad));
  decipher.setAuthTag(raw.subarray(12, 28));
  return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]);
}

/** Loads the master key, creating one (owner-readable only) on first start. */
export function loadMasterKey(path: string): Buffer {
  if (!existsSync(path)) {
    mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
    writeFileSync(path, randomBytes(32).toString('base64'), { mode: 0o600 });
  }
  const key = Buffer.from(readFileSync(path, 'utf8').trim(), 'base64');
  if (key.length !== 32) throw new Error(`master key ${path} must hold 32 bytes (base64)`);
  return key;
}

export function dataProtection(master: Buffer): DataProtection {
  const bsnKey = derive(master, 'bsn-pseudoniem');
  const matchKey = derive(master, 'match-sleutel');
  const subjectKey = derive(master, 'ledger-subject');
  const kek = derive(master, 'data-key-wrap');
  const hmac = (key: Buffer, value: string) => createHmac('sha256', key).update(value).digest('base64url');
  return {
    bsnPseudonym: (bsn) => hmac(bsnKey, bsn),
    matchKey: (value) => hmac(matchKey, value),
    subjectRef: (id) => hmac(subjectKey, id),
    newDataKey() {
      const key = randomBytes(32);
      return { key, wrapped: seal(kek, key, 'data-key') };
    },
    unwrapDataKey: (wrapped) => open(kek, wrapped, 'data-key'),
    encrypt: (key, plaintext, context) => seal(key, Buffer.from(plaintext, 'utf8'), context),
    decrypt: (key, ciphertext, context) => open(key, ciphertext, context).toString('utf8'),
  };
}
