import type { X509Certificate } from 'node:crypto';
import forge from 'node-forge';
import { AuthFailure } from './auth-failure.js';

/** Signature algorithms we accept on a client certificate (no MD5, no SHA-1). */
const STRONG_SIGNATURES = new Set([
  '1.2.840.113549.1.1.11', // sha256WithRSAEncryption
  '1.2.840.113549.1.1.12', // sha384WithRSAEncryption
  '1.2.840.113549.1.1.13', // sha512WithRSAEncryption
  '1.2.840.10045.4.3.2', // ecdsa-with-SHA256
  '1.2.840.10045.4.3.3', // ecdsa-with-SHA384
  '1.2.840.10045.4.3.4', // ecdsa-with-SHA512
  '1.3.101.112', // Ed25519
  '1.3.101.113', // Ed448
]);
const RSASSA_PSS = '1.2.840.113549.1.1.10';
/** Hashes allowed inside RSASSA-PSS parameters (the parameters' default is SHA-1, so they must be explicit). */
const STRONG_HASHES = new Set(['2.16.840.1.101.3.4.2.1', '2.16.840.1.101.3.4.2.2', '2.16.840.1.101.3.4.2.3']);
const STRONG_CURVES = new Set(['prime256v1', 'secp384r1', 'secp521r1']);
const MIN_RSA_BITS = 2048;

type Asn1 = forge.asn1.Asn1;

function oidOf(node: Asn1 | undefined): string | undefined {
  if (!node || node.type !== forge.asn1.Type.OID || typeof node.value !== 'string') return undefined;
  return forge.asn1.derToOid(node.value);
}

/** The hash named in RSASSA-PSS-params ([0] hashAlgorithm); undefined when absent (= SHA-1). */
function pssHash(params: Asn1 | undefined): string | undefined {
  if (!params || !Array.isArray(params.value)) return undefined;
  const tagged = params.value.find((n) => n.tagClass === forge.asn1.Class.CONTEXT_SPECIFIC && n.type === 0);
  const algorithm = Array.isArray(tagged?.value) ? tagged.value[0] : undefined;
  return Array.isArray(algorithm?.value) ? oidOf(algorithm.value[0]) : undefined;
}

/** Whether the certificate's outer signature algorithm is one we consider strong. */
export function hasStrongSignature(der: Buffer): boolean {
  let cert: Asn1;
  try {
    cert = forge.asn1.fromDer(forge.util.createBuffer(der.toString('binary')));
  } catch {
    return false;
  }
  const algorithm = Array.isArray(cert.value) ? cert.value[1] : undefined;
  if (!algorithm || !Array.isArray(algorithm.value)) return false;
  const oid = oidOf(algorithm.value[0]);
  if (oid === RSASSA_PSS) return STRONG_HASHES.has(pssHash(algorithm.value[1]) ?? '');
  return oid !== undefined && STRONG_SIGNATURES.has(oid);
}

/** Whether the certificate's public key is strong enough: RSA ≥ 2048 bits, EC on P-256 or larger, EdDSA. */
export function hasStrongKey(cert: X509Certificate): boolean {
  const key = cert.publicKey;
  const details = key.asymmetricKeyDetails ?? {};
  switch (key.asymmetricKeyType) {
    case 'rsa':
    case 'rsa-pss':
      return (details.modulusLength ?? 0) >= MIN_RSA_BITS;
    case 'ec':
      return STRONG_CURVES.has(details.namedCurve ?? '');
    case 'ed25519':
    case 'ed448':
      return true;
    default:
      return false;
  }
}

/**
 * Refuses a client certificate signed with a weak algorithm (MD5, SHA-1, anything unknown) or carrying
 * a weak key (RSA < 2048 bits, EC below P-256, DSA). Called at registration and on every verification.
 */
export function assertCertificateStrength(cert: X509Certificate): void {
  if (!hasStrongSignature(cert.raw)) throw new AuthFailure('certificate-weak-signature');
  if (!hasStrongKey(cert)) throw new AuthFailure('certificate-weak-key');
}
