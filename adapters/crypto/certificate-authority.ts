import { generateKeyPairSync, randomBytes } from 'node:crypto';
import forge from 'node-forge';

export interface IssuedCertificate {
  certPem: string;
  keyPem: string;
}

export interface CertificateAuthority extends IssuedCertificate {
  cert: forge.pki.Certificate;
  key: forge.pki.rsa.PrivateKey;
}

const OID_SERIAL_NUMBER = '2.5.4.5';
const DAY_MS = 24 * 60 * 60 * 1000;

/** RSA keys come from Node's native generator: node-forge's pure-JS one takes seconds per key. */
function rsaKeyPair(): { privateKey: forge.pki.rsa.PrivateKey; publicKey: forge.pki.rsa.PublicKey; keyPem: string } {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const keyPem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  const forgeKey = forge.pki.privateKeyFromPem(keyPem) as forge.pki.rsa.PrivateKey;
  return { privateKey: forgeKey, publicKey: forge.pki.setRsaPublicKey(forgeKey.n, forgeKey.e), keyPem };
}

/**
 * A random 16-byte serial whose first byte lies in 0x40–0x7f: positive (high bit clear) and never
 * starting with 0x00, so its DER INTEGER is minimal. A serial like 00 1f … is encoded with an illegal
 * leading zero that OpenSSL 3 refuses to parse.
 */
export function serialNumber(): string {
  const bytes = randomBytes(16);
  bytes[0] = (bytes[0]! & 0x3f) | 0x40;
  return bytes.toString('hex');
}

function newCertificate(publicKey: forge.pki.PublicKey, notBefore: Date, days: number): forge.pki.Certificate {
  const cert = forge.pki.createCertificate();
  cert.publicKey = publicKey;
  cert.serialNumber = serialNumber();
  cert.validity.notBefore = notBefore;
  cert.validity.notAfter = new Date(notBefore.getTime() + days * DAY_MS);
  return cert;
}

/** Creates a self-signed CA for the dev PKI. */
export function createCertificateAuthority(name: string, now: Date): CertificateAuthority {
  const keys = rsaKeyPair();
  const cert = newCertificate(keys.publicKey, new Date(now.getTime() - DAY_MS), 3650);
  const subject = [
    { name: 'commonName', value: name },
    { name: 'organizationName', value: name },
    { name: 'countryName', value: 'NL' },
  ];
  cert.setSubject(subject);
  cert.setIssuer(subject);
  cert.setExtensions([
    { name: 'basicConstraints', cA: true, critical: true },
    { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true },
    { name: 'subjectKeyIdentifier' },
  ]);
  cert.sign(keys.privateKey, forge.md.sha256.create());
  return { cert, key: keys.privateKey, certPem: forge.pki.certificateToPem(cert), keyPem: keys.keyPem };
}

/** Reads a CA back from its PEM files. */
export function loadCertificateAuthority(certPem: string, keyPem: string): CertificateAuthority {
  return {
    cert: forge.pki.certificateFromPem(certPem),
    key: forge.pki.privateKeyFromPem(keyPem) as forge.pki.rsa.PrivateKey,
    certPem,
    keyPem,
  };
}

export interface CertificateRequest {
  commonName: string;
  organisation: string;
  /** The organisation identifier (OIN), carried in subject serialNumber as PKIoverheid does. */
  oin?: string;
  usage: 'server' | 'client';
  dnsNames?: string[];
  ipAddresses?: string[];
  notBefore: Date;
  days: number;
}

/** Issues a server or client certificate signed by `ca`, with a new key pair. */
export function issueCertificate(ca: CertificateAuthority, request: CertificateRequest): IssuedCertificate {
  const keys = rsaKeyPair();
  const cert = newCertificate(keys.publicKey, request.notBefore, request.days);
  cert.setSubject([
    { name: 'commonName', value: request.commonName },
    { name: 'organizationName', value: request.organisation },
    ...(request.oin ? [{ type: OID_SERIAL_NUMBER, value: request.oin }] : []),
    { name: 'countryName', value: 'NL' },
  ]);
  cert.setIssuer(ca.cert.subject.attributes);
  const altNames = [
    ...(request.dnsNames ?? []).map((value) => ({ type: 2, value })),
    ...(request.ipAddresses ?? []).map((ip) => ({ type: 7, ip })),
  ];
  cert.setExtensions([
    { name: 'basicConstraints', cA: false },
    { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, critical: true },
    { name: 'extKeyUsage', serverAuth: request.usage === 'server', clientAuth: request.usage === 'client' },
    { name: 'authorityKeyIdentifier', keyIdentifier: ca.cert.generateSubjectKeyIdentifier().getBytes() },
    ...(altNames.length > 0 ? [{ name: 'subjectAltName', altNames }] : []),
  ]);
  cert.sign(ca.key, forge.md.sha256.create());
  return { certPem: forge.pki.certificateToPem(cert), keyPem: keys.keyPem };
}
