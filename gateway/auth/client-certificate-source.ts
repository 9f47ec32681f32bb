import { X509Certificate } from 'node:crypto';
import type { TLSSocket } from 'node:tls';
import type { Request } from 'express';
import { AuthFailure } from './auth-failure.js';

export interface CertificateSourceConfig {
  trustedProxies: readonly string[];
  clientCertHeader: string;
}

/** IPv4 peers can appear as IPv4-mapped IPv6 addresses; compare both spellings. */
function peerIsTrusted(address: string | undefined, trusted: readonly string[]): boolean {
  if (!address) return false;
  const plain = address.replace(/^::ffff:/, '');
  return trusted.includes(address) || trusted.includes(plain);
}

/**
 * The DER client certificate of this request, or undefined. From the TLS handshake when we terminate
 * TLS; from the configured header only when the TCP peer is a configured trusted proxy. A forwarded
 * certificate from anyone else is an attack or a misconfiguration and is refused outright.
 */
export function clientCertificateOf(req: Request, config: CertificateSourceConfig): Buffer | undefined {
  const forwarded = req.get(config.clientCertHeader);
  if (forwarded !== undefined) {
    if (!peerIsTrusted(req.socket.remoteAddress, config.trustedProxies))
      throw new AuthFailure('forwarded-certificate-untrusted-peer');
    try {
      return Buffer.from(new X509Certificate(decodeURIComponent(forwarded)).raw);
    } catch {
      throw new AuthFailure('certificate-unparseable');
    }
  }
  const socket = req.socket as Partial<TLSSocket>;
  if (typeof socket.getPeerCertificate !== 'function') return undefined;
  // A TLS connection's peer certificate cannot change (we do not renegotiate), and Node rebuilds the
  // whole certificate object on every getPeerCertificate() call: keep the DER per connection.
  if (peerCertificates.has(req.socket)) return peerCertificates.get(req.socket);
  const peer = socket.getPeerCertificate(false);
  const der = peer && peer.raw ? peer.raw : undefined;
  peerCertificates.set(req.socket, der);
  return der;
}

const peerCertificates = new WeakMap<object, Buffer | undefined>();
