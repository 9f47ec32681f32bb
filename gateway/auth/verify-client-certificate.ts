import { createHash, X509Certificate } from 'node:crypto';
import { AuthFailure } from './auth-failure.js';
import { assertCertificateStrength } from './certificate-strength.js';
import type { RevocationList } from './revocation-list.js';

export interface VerifiedCertificate {
  oin: string;
  /** SHA-256 of the DER certificate, hex: what partners are registered by. */
  fingerprint: string;
  /** base64url SHA-256 of the DER certificate, as RFC 8705 binds tokens to it (`cnf.x5t#S256`). */
  thumbprintS256: string;
}

export interface CertificateTrust {
  caBundle: X509Certificate[];
  revocations?: RevocationList;
}

const MAX_CHAIN = 5;

/** Walks issuer links up to a CA in the bundle, verifying each signature. */
function chainsToBundle(cert: X509Certificate, bundle: X509Certificate[]): X509Certificate | undefined {
  let current = cert;
  for (let depth = 0; depth < MAX_CHAIN; depth++) {
    const issuer = bundle.find((ca) => ca.ca && current.checkIssued(ca) && current.verify(ca.publicKey));
    if (!issuer) return undefined;
    if (issuer.checkIssued(issuer)) return issuer;
    current = issuer;
  }
  return undefined;
}

function oinOf(cert: X509Certificate): string | undefined {
  const match = /(?:^|\n)serialNumber=([0-9]{20})(?:\n|$)/.exec(cert.subject);
  return match?.[1];
}

/**
 * Checks a client certificate the way we trust it: issued (through intermediates) by a CA of the
 * configured bundle, valid at `now`, not on the CA's revocation list, meant for client authentication,
 * and carrying a 20-digit OIN in its subject serialNumber. Whether that OIN and fingerprint belong to
 * an active partner is the registry's question, asked by the caller.
 */
export async function verifyClientCertificate(
  der: Buffer,
  trust: CertificateTrust,
  now: Date,
): Promise<VerifiedCertificate> {
  let cert: X509Certificate;
  try {
    cert = new X509Certificate(der);
  } catch {
    throw new AuthFailure('certificate-unparseable');
  }
  const issuer = chainsToBundle(cert, trust.caBundle);
  if (!issuer || cert.ca) throw new AuthFailure('certificate-untrusted');
  if (now < new Date(cert.validFrom)) throw new AuthFailure('certificate-not-yet-valid');
  if (now > new Date(cert.validTo)) throw new AuthFailure('certificate-expired');
  assertCertificateStrength(cert);
  if (cert.keyUsage && !cert.keyUsage.includes('1.3.6.1.5.5.7.3.2')) throw new AuthFailure('certificate-not-client');
  if (trust.revocations && (await trust.revocations.isRevoked(cert.issuer, cert.serialNumber)))
    throw new AuthFailure('certificate-revoked');
  const oin = oinOf(cert);
  if (!oin) throw new AuthFailure('certificate-no-oin');
  const digest = createHash('sha256').update(cert.raw).digest();
  return { oin, fingerprint: digest.toString('hex'), thumbprintS256: digest.toString('base64url') };
}

/** Splits a PEM bundle into certificates. */
export function parseCertificateBundle(pem: string): X509Certificate[] {
  const blocks = pem.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g) ?? [];
  return blocks.map((b) => new X509Certificate(b));
}
