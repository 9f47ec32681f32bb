import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  sign,
  verify,
  type KeyObject,
} from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * C2SP signed notes (https://c2sp.org/signed-note) with Ed25519, for checkpoints (c2sp.org/tlog-checkpoint):
 * the note text is `origin\nsize\nbase64(root)\n`; a signature line is `— <name> base64(keyID ‖ sig)`,
 * keyID = first 4 bytes of SHA-256(name ‖ 0x0A ‖ 0x01 ‖ public key). The verifier key is written as
 * `<name>+<hex keyID>+<base64(0x01 ‖ public key)>`, the form Go's `note` package and tlog tools use.
 */
export interface NoteSigner {
  name: string;
  keyId: Buffer;
  publicKey: KeyObject;
  sign(text: string): string;
  verifierKey(): string;
}

function rawPublic(pub: KeyObject): Buffer {
  return Buffer.from(pub.export({ format: 'jwk' }).x!, 'base64url');
}

function keyIdOf(name: string, raw: Buffer): Buffer {
  return createHash('sha256')
    .update(Buffer.concat([Buffer.from(name), Buffer.from([0x0a, 0x01]), raw]))
    .digest()
    .subarray(0, 4);
}

export function noteSigner(name: string, privateKey: KeyObject): NoteSigner {
  const publicKey = createPublicKey(privateKey);
  const raw = rawPublic(publicKey);
  const keyId = keyIdOf(name, raw);
  return {
    name,
    keyId,
    publicKey,
    sign(text) {
      if (!text.endsWith('\n')) throw new Error('note text must end with a newline');
      const sig = sign(null, Buffer.from(text), privateKey);
      return `${text}\n\u2014 ${name} ${Buffer.concat([keyId, sig]).toString('base64')}\n`;
    },
    verifierKey: () =>
      `${name}+${keyId.toString('hex')}+${Buffer.concat([Buffer.from([0x01]), raw]).toString('base64')}`,
  };
}

export interface NoteVerifier {
  name: string;
  /** The note text, when the note carries a valid signature of this key; otherwise throws. */
  open(note: string): string;
}

/** Parses a verifier key `<name>+<hex keyID>+<base64(0x01 ‖ key)>` and checks it is self-consistent. */
export function noteVerifier(vkey: string): NoteVerifier {
  // The key part is base64 and may itself contain '+': split on the first two only.
  const text = vkey.trim();
  const first = text.indexOf('+');
  const second = text.indexOf('+', first + 1);
  const [name, hexId, b64] = [text.slice(0, first), text.slice(first + 1, second), text.slice(second + 1)];
  if (first < 1 || second < 0 || !hexId || !b64) throw new Error('verifier key must be name+keyid+key');
  const data = Buffer.from(b64, 'base64');
  if (data[0] !== 0x01 || data.length !== 33) throw new Error('only Ed25519 verifier keys are supported');
  const raw = data.subarray(1);
  const keyId = keyIdOf(name, raw);
  if (keyId.toString('hex') !== hexId) throw new Error('verifier key id does not match its key');
  const publicKey = createPublicKey({
    key: { kty: 'OKP', crv: 'Ed25519', x: raw.toString('base64url') },
    format: 'jwk',
  });
  return {
    name,
    open(note) {
      const split = note.lastIndexOf('\n\n');
      if (split < 0) throw new Error('not a signed note');
      const text = note.slice(0, split + 1);
      for (const line of note
        .slice(split + 2)
        .split('\n')
        .filter(Boolean)) {
        const m = /^\u2014 (\S+) (\S+)$/.exec(line);
        if (!m || m[1] !== name) continue;
        const blob = Buffer.from(m[2]!, 'base64');
        if (blob.subarray(0, 4).equals(keyId) && verify(null, Buffer.from(text), publicKey, blob.subarray(4)))
          return text;
      }
      throw new Error(`no valid signature by ${name}`);
    },
  };
}

/** The log's own Ed25519 key (it never rotates silently: verifiers pin it), created on first start. */
export function loadLogSigningKey(path: string): KeyObject {
  if (!existsSync(path)) {
    mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
    const { privateKey } = generateKeyPairSync('ed25519');
    writeFileSync(path, privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600 });
  }
  return createPrivateKey(readFileSync(path));
}
