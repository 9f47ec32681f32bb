import assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { witnessSigner, witnessVerifier } from '../../../../adapters/ledger/cosignature.js';
import { noteSigner } from '../../../../adapters/ledger/signed-note.js';

const logKey = generateKeyPairSync('ed25519').privateKey;
const witness = witnessSigner('gemeente.example/witness', generateKeyPairSync('ed25519').privateKey);
const body = 'zvh.example/log\n42\nq1CGWZQyOa6PbvyygfyqHXwS2pp5WuCEyYtBAH4PLxA=\n';

describe('witness cosignatures (c2sp.org/tlog-cosignature)', () => {
  it('has a verifier key of type 0x04 whose key id is SHA-256(name ‖ 0x0A ‖ 0x04 ‖ key)[:4]', () => {
    const [name, id, b64] = witness.verifierKey().split('+');
    assert.equal(name, 'gemeente.example/witness');
    assert.equal(id!.length, 8);
    assert.equal(Buffer.from(b64!, 'base64')[0], 0x04);
    assert.doesNotThrow(() => witnessVerifier(witness.verifierKey()));
    assert.throws(() => witnessVerifier(noteSigner('x', logKey).verifierKey()), /not a cosignature\/v1/);
  });

  it('verifies on the log-signed note and yields the time it was made', () => {
    const note = noteSigner('zvh.example/log', logKey).sign(body) + witness.cosign(body, 1_790_000_000);
    assert.equal(witnessVerifier(witness.verifierKey()).cosignedAt(note), 1_790_000_000);
  });

  it('rejects a cosignature over another checkpoint, by another key, or with its time changed (property)', () => {
    const other = witnessSigner('gemeente.example/witness', generateKeyPairSync('ed25519').privateKey);
    const verifier = witnessVerifier(witness.verifierKey());
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 2 ** 40 }),
        fc.integer({ min: 0, max: 2 ** 40 }),
        fc.nat({ max: 2 ** 32 }),
        (size, time, otherSize) => {
          const text = `zvh.example/log\n${size}\n${Buffer.alloc(32, size % 256).toString('base64')}\n`;
          const line = witness.cosign(text, time);
          assert.equal(verifier.cosignedAt(`${text}\n${line}`), time);
          const moved = text.replace(`\n${size}\n`, `\n${otherSize === size ? size + 1 : otherSize}\n`);
          assert.equal(verifier.cosignedAt(`${moved}\n${line}`), undefined);
          assert.equal(verifier.cosignedAt(`${text}\n${other.cosign(text, time)}`), undefined);
          const blob = Buffer.from(line.trim().split(' ')[2]!, 'base64');
          blob.writeBigUInt64BE(BigInt(time + 1), 4);
          const retimed = `— gemeente.example/witness ${blob.toString('base64')}\n`;
          assert.equal(verifier.cosignedAt(`${text}\n${retimed}`), undefined);
        },
      ),
      { numRuns: 60 },
    );
  });
});
