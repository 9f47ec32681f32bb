import assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import { describe, it } from 'node:test';
import { noteSigner, noteVerifier } from '../../../../adapters/ledger/signed-note.js';

const text = 'knooppunt.example/verstrekkingen\n42\nq6bVpjwS2Y5bJ6mFuvbY0Bq8pDqn2Yf3qk1xqA8N0mE=\n';

describe('signed notes (C2SP) with Ed25519', () => {
  it('verify with the signer’s own verifier key, for many keys (base64 keys can contain "+")', () => {
    for (let i = 0; i < 60; i++) {
      const signer = noteSigner('knooppunt.example/verstrekkingen', generateKeyPairSync('ed25519').privateKey);
      const note = signer.sign(text);
      assert.match(note, /\n\n\u2014 knooppunt\.example\/verstrekkingen \S+\n$/);
      assert.equal(noteVerifier(signer.verifierKey()).open(note), text);
    }
  });

  it('refuse a note signed by another key, or with its text altered', () => {
    const signer = noteSigner('log', generateKeyPairSync('ed25519').privateKey);
    const other = noteSigner('log', generateKeyPairSync('ed25519').privateKey);
    assert.throws(() => noteVerifier(signer.verifierKey()).open(other.sign(text)), /no valid signature/);
    assert.throws(
      () => noteVerifier(signer.verifierKey()).open(signer.sign(text).replace('\n42\n', '\n43\n')),
      /no valid signature/,
    );
  });

  it('refuse a verifier key whose id does not match its key', () => {
    const vkey = noteSigner('log', generateKeyPairSync('ed25519').privateKey).verifierKey();
    const [name, , key] = [
      vkey.slice(0, vkey.indexOf('+')),
      '',
      vkey.slice(vkey.indexOf('+', vkey.indexOf('+') + 1) + 1),
    ];
    assert.throws(() => noteVerifier(`${name}+00000000+${key}`), /does not match/);
  });
});
