import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { connect, type ConnectionOptions, type TLSSocket } from 'node:tls';
import { describe, it } from 'node:test';
import { useTestApp } from '../support/test-app.js';

const t = useTestApp({ https: true });

/** Opens a TLS connection with the given client options; resolves with the socket or the handshake error. */
function handshake(options: ConnectionOptions): Promise<{ socket?: TLSSocket; error?: Error }> {
  const { port } = new URL(t.url);
  return new Promise((resolve) => {
    const socket = connect({
      host: '127.0.0.1',
      port: Number(port),
      servername: 'localhost',
      ca: readFileSync(t.pki.caCert),
      ...options,
    });
    socket.once('secureConnect', () => resolve({ socket }));
    socket.once('error', (error) => resolve({ error }));
  });
}

async function refused(options: ConnectionOptions, what: string): Promise<void> {
  const { socket, error } = await handshake(options);
  socket?.destroy();
  assert.ok(error, `${what} must be refused, but negotiated ${socket?.getCipher().name} ${socket?.getProtocol()}`);
}

async function accepted(options: ConnectionOptions, what: string): Promise<TLSSocket> {
  const { socket, error } = await handshake(options);
  assert.ok(socket, `${what} must be accepted: ${error?.message}`);
  return socket;
}

describe('TLS at the NCSC "good" level', () => {
  it('negotiates TLS 1.3 by default', async () => {
    const socket = await accepted({}, 'a default client');
    assert.equal(socket.getProtocol(), 'TLSv1.3');
    socket.destroy();
  });

  it('accepts TLS 1.2 with ECDHE and AES-GCM or ChaCha20-Poly1305', async () => {
    for (const cipher of [
      'ECDHE-RSA-AES128-GCM-SHA256',
      'ECDHE-RSA-AES256-GCM-SHA384',
      'ECDHE-RSA-CHACHA20-POLY1305',
    ]) {
      const socket = await accepted({ maxVersion: 'TLSv1.2', ciphers: cipher }, cipher);
      assert.equal(socket.getCipher().standardName.startsWith('TLS_ECDHE_RSA_'), true, socket.getCipher().standardName);
      socket.destroy();
    }
  });

  it('refuses static RSA, CBC, ARIA and CCM suites on TLS 1.2, and TLS 1.1', async () => {
    for (const cipher of [
      'AES128-SHA256',
      'AES128-GCM-SHA256',
      'ECDHE-RSA-AES128-SHA',
      'ECDHE-RSA-AES256-SHA384',
      'ECDHE-ARIA128-GCM-SHA256',
      'DHE-RSA-AES128-GCM-SHA256',
    ])
      await refused({ maxVersion: 'TLSv1.2', ciphers: `${cipher}:@SECLEVEL=0` }, cipher);
    await refused({ minVersion: 'TLSv1.1', maxVersion: 'TLSv1.1', ciphers: 'DEFAULT:@SECLEVEL=0' }, 'TLS 1.1');
  });

  it('refuses the TLS 1.3 CCM suite and finite-field (ffdhe) groups', async () => {
    await refused({ minVersion: 'TLSv1.3', ciphers: 'TLS_AES_128_CCM_SHA256' }, 'TLS_AES_128_CCM_SHA256');
    await refused({ minVersion: 'TLSv1.3', ecdhCurve: 'ffdhe2048' }, 'group ffdhe2048');
    const socket = await accepted({ ecdhCurve: 'P-384' }, 'group P-384');
    socket.destroy();
  });

  it("prefers its own cipher order over the client's", async () => {
    const socket = await accepted(
      { maxVersion: 'TLSv1.2', ciphers: 'ECDHE-RSA-AES128-GCM-SHA256:ECDHE-RSA-AES256-GCM-SHA384' },
      'two good suites',
    );
    assert.equal(socket.getCipher().name, 'ECDHE-RSA-AES256-GCM-SHA384', 'the server picks its first choice');
    socket.destroy();
  });

  it('refuses client-initiated renegotiation', async () => {
    const socket = await accepted({ maxVersion: 'TLSv1.2' }, 'TLS 1.2');
    const outcome = await new Promise<string>((resolve) => {
      // The server answers a renegotiation ClientHello with a no_renegotiation alert or by closing; a
      // client may then wait for a handshake that never comes, so silence for 3 s also counts as refused.
      const timer = setTimeout(() => resolve('no answer'), 3000);
      const done = (r: string) => {
        clearTimeout(timer);
        resolve(r);
      };
      socket.once('error', () => done('error'));
      socket.once('close', () => done('closed'));
      const started = socket.renegotiate({}, (err) => done(err ? 'refused' : 'renegotiated'));
      if (!started) done('refused');
    });
    socket.destroy();
    assert.notEqual(outcome, 'renegotiated', 'the server must not renegotiate');
  });
});
