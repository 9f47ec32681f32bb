import { createHash, createPublicKey, sign, verify, type KeyObject } from 'node:crypto';

/**
 * Witness cosignatures in the C2SP shape (c2sp.org/tlog-cosignature, `cosignature/v1`): a witness
 * signs `cosignature/v1\ntime <unix seconds>\n` followed by the checkpoint body, and adds a signed-note
 * line `— <name> base64(keyID ‖ uint64be(time) ‖ Ed25519 signature)`, keyID = first 4 bytes of
 * SHA-256(name ‖ 0x0A ‖ 0x04 ‖ public key). Its verifier key is `<name>+<hex keyID>+<base64(0x04 ‖ key)>`.
 */
const COSIGNATURE_TYPE = 0x04;

function keyIdOf(name: string, raw: Buffer): Buffer {
  return createHash('sha256')
    .update(Buffer.concat([Buffer.from(name), Buffer.from([0x0a, COSIGNATURE_TYPE]), raw]))
    .digest()
    .subarray(0, 4);
}

const signedMessage = (body: string, time: bigint) => Buffer.from(`cosignature/v1\ntime ${time}\n${body}`);

export interface WitnessSigner {
  name: string;
  /** The signature line for `body` (a checkpoint body, ending in a newline) at `time` (unix seconds). */
  cosign(body: string, time: number): string;
  verifierKey(): string;
}

export function witnessSigner(name: string, privateKey: KeyObject): WitnessSigner {
  const raw = Buffer.from(createPublicKey(privateKey).export({ format: 'jwk' }).x!, 'base64url');
  const keyId = keyIdOf(name, raw);
  return {
    name,
    cosign(body, time) {
      const stamp = Buffer.alloc(8);
      stamp.writeBigUInt64BE(BigInt(time));
      const sig = sign(null, signedMessage(body, BigInt(time)), privateKey);
      return `\u2014 ${name} ${Buffer.concat([keyId, stamp, sig]).toString('base64')}\n`;
    },
    verifierKey: () =>
      `${name}+${keyId.toString('hex')}+${Buffer.concat([Buffer.from([COSIGNATURE_TYPE]), raw]).toString('base64')}`,
  };
}

export interface WitnessVerifier {
  name: string;
  /** The time of a valid cosignature by this witness on the note, or undefined when it has none. */
  cosignedAt(note: string): number | undefined;
}

/** Parses a witness verifier key `<name>+<hex keyID>+<base64(0x04 ‖ key)>`. */
export function witnessVerifier(vkey: string): WitnessVerifier {
  const text = vkey.trim();
  const first = text.indexOf('+');
  const second = text.indexOf('+', first + 1);
  const [name, hexId, b64] = [text.slice(0, first), text.slice(first + 1, second), text.slice(second + 1)];
  if (first < 1 || second < 0 || !hexId || !b64) throw new Error('witness key must be name+keyid+key');
  const data = Buffer.from(b64, 'base64');
  if (data[0] !== COSIGNATURE_TYPE || data.length !== 33) throw new Error('not a cosignature/v1 (Ed25519) witness key');
  const raw = data.subarray(1);
  const keyId = keyIdOf(name, raw);
  if (keyId.toString('hex') !== hexId) throw new Error('witness key id does not match its key');
  const publicKey = createPublicKey({
    key: { kty: 'OKP', crv: 'Ed25519', x: raw.toString('base64url') },
    format: 'jwk',
  });
  return {
    name,
    cosignedAt(note) {
      const split = note.lastIndexOf('\n\n');
      if (split < 0) return undefined;
      const body = note.slice(0, split + 1);
      for (const line of note.slice(split + 2).split('\n')) {
        const m = /^\u2014 (\S+) (\S+)$/.exec(line);
        if (!m || m[1] !== name) continue;
        const blob = Buffer.from(m[2]!, 'base64');
        if (blob.length !== 76 || !blob.subarray(0, 4).equals(keyId)) continue;
        const time = blob.readBigUInt64BE(4);
        if (verify(null, signedMessage(body, time), publicKey, blob.subarray(12))) return Number(time);
      }
      return undefined;
    },
  };
}

/** The note with `line` added to its signatures (once). */
export function addSignatureLine(note: string, line: string): string {
  const clean = line.endsWith('\n') ? line : `${line}\n`;
  return note.includes(clean) ? note : note + clean;
}
