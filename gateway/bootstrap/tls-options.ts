import { constants } from 'node:crypto';
import type { Server } from 'node:https';
import type { SecureContextOptions, TLSSocket, TlsOptions } from 'node:tls';

/**
 * NCSC "ICT-beveiligingsrichtlijnen voor TLS" (2025), level *good*: TLS 1.3 (its AEAD suites), and TLS
 * 1.2 with ECDHE key exchange and AES-GCM or ChaCha20-Poly1305 only — no static RSA, no CBC, no CCM,
 * ARIA or Camellia. Server order decides.
 */
export const TLS_CIPHERS = [
  'TLS_AES_256_GCM_SHA384',
  'TLS_CHACHA20_POLY1305_SHA256',
  'TLS_AES_128_GCM_SHA256',
  'ECDHE-ECDSA-AES256-GCM-SHA384',
  'ECDHE-RSA-AES256-GCM-SHA384',
  'ECDHE-ECDSA-CHACHA20-POLY1305',
  'ECDHE-RSA-CHACHA20-POLY1305',
  'ECDHE-ECDSA-AES128-GCM-SHA256',
  'ECDHE-RSA-AES128-GCM-SHA256',
].join(':');

/** Key-exchange groups: X25519, P-256, P-384 (no finite-field ffdhe groups). */
export const TLS_GROUPS = 'X25519:P-256:P-384';

/**
 * Options for the HTTPS server: the cipher and group policy above, TLS 1.2 as the floor, server cipher
 * order, no renegotiation, and a client certificate asked for (not required: liveness works without).
 */
export function tlsServerOptions(files: { cert: Buffer; key: Buffer; ca: Buffer }): TlsOptions & SecureContextOptions {
  return {
    ...files,
    requestCert: true,
    rejectUnauthorized: false,
    minVersion: 'TLSv1.2',
    ciphers: TLS_CIPHERS,
    ecdhCurve: TLS_GROUPS,
    honorCipherOrder: true,
    secureOptions: constants.SSL_OP_NO_RENEGOTIATION,
  };
}

/**
 * Refuses client-initiated renegotiation on every connection (OpenSSL's option covers TLS 1.2; Node's
 * own guard makes any attempt an error that closes the socket rather than a DoS lever).
 */
export function refuseRenegotiation(server: Server): void {
  server.on('secureConnection', (socket: TLSSocket) => socket.disableRenegotiation());
}
