import { generateKeyPairSync } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  createCertificateAuthority,
  issueCertificate,
  loadCertificateAuthority,
  type CertificateAuthority,
} from './certificate-authority.js';

export interface DevPkiPartner {
  id: string;
  naam: string;
  oin: string;
}

export interface DevPkiPaths {
  dir: string;
  caCert: string;
  caKey: string;
  serverCert: string;
  serverKey: string;
  partnerCert: (partnerId: string) => string;
  partnerKey: (partnerId: string) => string;
  /** The partner's private Ed25519 JWK for signing client assertions (dev only). */
  partnerAssertionKey: (partnerId: string) => string;
}

export function devPkiPaths(dataDir: string): DevPkiPaths {
  const dir = join(dataDir, 'pki');
  return {
    dir,
    caCert: join(dir, 'ca.pem'),
    caKey: join(dir, 'ca.key.pem'),
    serverCert: join(dir, 'server.pem'),
    serverKey: join(dir, 'server.key.pem'),
    partnerCert: (id) => join(dir, 'partners', `${id}.pem`),
    partnerKey: (id) => join(dir, 'partners', `${id}.key.pem`),
    partnerAssertionKey: (id) => join(dir, 'partners', `${id}.assertion-key.json`),
  };
}

/** Private keys are readable by the owner only. */
function writeKey(path: string, pem: string): void {
  writeFileSync(path, pem, { mode: 0o600 });
}

function ensureCa(paths: DevPkiPaths, now: Date): CertificateAuthority {
  if (existsSync(paths.caCert) && existsSync(paths.caKey)) {
    return loadCertificateAuthority(readFileSync(paths.caCert, 'utf8'), readFileSync(paths.caKey, 'utf8'));
  }
  const ca = createCertificateAuthority('Knooppunt Dev CA (niet voor productie)', now);
  writeFileSync(paths.caCert, ca.certPem);
  writeKey(paths.caKey, ca.keyPem);
  return ca;
}

/**
 * Makes the development PKI under `<dataDir>/pki/` when parts of it are missing: a CA, a server
 * certificate for localhost, and a client certificate per demo partner (OIN in subject serialNumber).
 * Existing files are reused, so a restart keeps the same identities. Returns what it created.
 */
export function ensureDevPki(
  dataDir: string,
  partners: readonly DevPkiPartner[],
  now: Date,
): { paths: DevPkiPaths; created: string[] } {
  const paths = devPkiPaths(dataDir);
  mkdirSync(join(paths.dir, 'partners'), { recursive: true, mode: 0o700 });
  const created: string[] = [];
  if (!existsSync(paths.caCert)) created.push('ca');
  const ca = ensureCa(paths, now);
  const yesterday = new Date(now.getTime() - 24 * 60 * 60 * 1000);
  if (!existsSync(paths.serverCert) || !existsSync(paths.serverKey)) {
    const server = issueCertificate(ca, {
      commonName: 'localhost',
      organisation: 'Knooppunt',
      usage: 'server',
      dnsNames: ['localhost'],
      ipAddresses: ['127.0.0.1', '::1'],
      notBefore: yesterday,
      days: 397,
    });
    writeFileSync(paths.serverCert, server.certPem);
    writeKey(paths.serverKey, server.keyPem);
    created.push('server');
  }
  for (const partner of partners) {
    if (existsSync(paths.partnerCert(partner.id)) && existsSync(paths.partnerKey(partner.id))) continue;
    const client = issueCertificate(ca, {
      commonName: partner.naam,
      organisation: partner.naam,
      oin: partner.oin,
      usage: 'client',
      notBefore: yesterday,
      days: 365,
    });
    writeFileSync(paths.partnerCert(partner.id), client.certPem);
    writeKey(paths.partnerKey(partner.id), client.keyPem);
    created.push(partner.id);
  }
  for (const partner of partners) {
    if (existsSync(paths.partnerAssertionKey(partner.id))) continue;
    const { privateKey } = generateKeyPairSync('ed25519');
    const jwk = { ...privateKey.export({ format: 'jwk' }), kid: `${partner.id}-dev`, alg: 'EdDSA' };
    writeKey(paths.partnerAssertionKey(partner.id), `${JSON.stringify(jwk, null, 2)}\n`);
  }
  return { paths, created };
}
