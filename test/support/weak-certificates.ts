import { generateKeyPairSync } from 'node:crypto';
import { readFileSync } from 'node:fs';
import forge from 'node-forge';
import { loadCertificateAuthority, serialNumber } from '../../adapters/crypto/certificate-authority.js';
import type { DevPkiPaths } from '../../adapters/crypto/dev-pki.js';

const DAY = 24 * 60 * 60 * 1000;

/**
 * A client certificate from the dev CA, otherwise valid (OIN, clientAuth, dates), signed with `digest`
 * over an RSA key of `bits`: how tests make the weak certificates partners must not get through with.
 */
export function clientCertificateWith(
  pki: DevPkiPaths,
  oin: string,
  options: { digest: 'md5' | 'sha1' | 'sha256'; bits: number },
): { certPem: string; keyPem: string } {
  const ca = loadCertificateAuthority(readFileSync(pki.caCert, 'utf8'), readFileSync(pki.caKey, 'utf8'));
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: options.bits });
  const keyPem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  const forgeKey = forge.pki.privateKeyFromPem(keyPem) as forge.pki.rsa.PrivateKey;
  const cert = forge.pki.createCertificate();
  cert.publicKey = forge.pki.setRsaPublicKey(forgeKey.n, forgeKey.e);
  cert.serialNumber = serialNumber();
  cert.validity.notBefore = new Date(Date.now() - DAY);
  cert.validity.notAfter = new Date(Date.now() + 30 * DAY);
  cert.setSubject([
    { name: 'commonName', value: `Zwak ${options.digest} ${options.bits}` },
    { name: 'organizationName', value: 'Zwak' },
    { type: '2.5.4.5', value: oin },
    { name: 'countryName', value: 'NL' },
  ]);
  cert.setIssuer(ca.cert.subject.attributes);
  cert.setExtensions([
    { name: 'basicConstraints', cA: false },
    { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, critical: true },
    { name: 'extKeyUsage', clientAuth: true },
  ]);
  cert.sign(ca.key, forge.md[options.digest].create());
  return { certPem: forge.pki.certificateToPem(cert), keyPem };
}
