// @peculiar/x509 resolves its algorithms through tsyringe, which needs the Reflect metadata API loaded first.
import 'reflect-metadata';
import { createHash, X509Certificate } from 'node:crypto';
import { X509Certificate as PeculiarCertificate, X509ChainBuilder } from '@peculiar/x509';
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

/** The bundle's CA certificates in @peculiar/x509's form, converted once per bundle. */
const anchorsOf = new WeakMap<X509Certificate[], PeculiarCertificate[]>();

/**
 * Whether `cert` chains, through intermediates of the bundle, to a self-signed CA of the bundle. The
 * path is built by @peculiar/x509's X509ChainBuilder (issuer name, key identifiers, signature of each
 * link); only certificates marked CA (basicConstraints) may issue, and paths stay short.
 */
async function chainsToBundle(cert: X509Certificate, bundle: X509Certificate[]): Promise<boolean> {
  let anchors = anchorsOf.get(bundle);
  if (!anchors) {
    anchors = bundle.filter((ca) => ca.ca).map((ca) => new PeculiarCertificate(ca.raw));
    anchorsOf.set(bundle, anchors);
  }
  let chain;
  try {
    chain = await new X509ChainBuilder({ certificates: anchors }).build(new PeculiarCertificate(cert.raw));
  } catch {
    return false; // a circular path
  }
  const root = chain.at(-1)!;
  return chain.length >= 2 && chain.length <= MAX_CHAIN + 1 && (await root.isSelfSigned());
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
  // Weak signatures and keys first: the chain builder cannot verify an MD5 signature at all, and "weak"
  // is the reason that tells an integrator what to fix (it says nothing about our trust anchors).
  assertCertificateStrength(cert);
  if (cert.ca || !(await chainsToBundle(cert, trust.caBundle))) throw new AuthFailure('certificate-untrusted');
  if (now < new Date(cert.validFrom)) throw new AuthFailure('certificate-not-yet-valid');
  if (now > new Date(cert.validTo)) throw new AuthFailure('certificate-expired');
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
