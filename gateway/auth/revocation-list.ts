// @peculiar/x509 resolves its algorithms through tsyringe, which needs the Reflect metadata API loaded first.
import 'reflect-metadata';
import { X509Certificate as NodeCertificate } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { X509Crl, PemConverter } from '@peculiar/x509';
import { DomainError } from '../errors/domain-error.js';
import { fileVersion } from '../file-version.js';

/** Serial numbers as upper-case hex without leading zeros, as both libraries may print them differently. */
export function normaliseSerial(serial: string): string {
  return serial.replace(/^0+/, '').toUpperCase() || '0';
}

export interface RevocationList {
  isRevoked(issuerSubject: string, serialNumber: string): Promise<boolean>;
  /** Reads and verifies the file now; throws an Error saying what is wrong with it. */
  check(): Promise<void>;
}

interface Loaded {
  version: string;
  revoked: Set<string>;
  /** The earliest nextUpdate of the lists in the file (ms); after it they may miss revocations. */
  geldigTot: number;
}

/**
 * Reads CRLs (PEM, several allowed in one file) with @peculiar/x509 and keeps only those whose
 * signature verifies against a CA in the bundle. The file is re-read when it changes on disk, so a
 * revocation published by the CA takes effect without a restart.
 */
export function revocationListFromFile(path: string, caBundle: NodeCertificate[]): RevocationList {
  let cache: Loaded | undefined;
  const load = async (): Promise<Loaded> => {
    const version = fileVersion(statSync(path));
    if (cache && cache.version === version) return cache;
    const revoked = new Set<string>();
    let geldigTot = Infinity;
    const ders = PemConverter.decode(readFileSync(path, 'utf8'));
    if (ders.length === 0) throw new Error(`CRL ${path} holds no PEM X509 CRL`);
    for (const der of ders) {
      let crl: X509Crl;
      try {
        crl = new X509Crl(der);
      } catch {
        throw new Error(`CRL ${path} is not a readable X.509 CRL`);
      }
      const issuer = caBundle.find((ca) => sameName(ca.subject, crl.issuer));
      if (!issuer || !(await crl.verify({ publicKey: await importPublicKey(issuer) }))) {
        throw new Error(`CRL ${path} is not signed by a CA in the bundle`);
      }
      if (crl.nextUpdate) geldigTot = Math.min(geldigTot, crl.nextUpdate.getTime());
      for (const entry of crl.entries) revoked.add(`${issuer.subject}|${normaliseSerial(entry.serialNumber)}`);
    }
    cache = { version, revoked, geldigTot };
    return cache;
  };
  // A list past its nextUpdate cannot show a certificate is not revoked since (RFC 5280, 6.3.3): a CA
  // or a copy job that stopped must not leave every later revocation unseen.
  const current = async (): Promise<Loaded> => {
    const loaded = await load();
    if (Date.now() > loaded.geldigTot) throw new Error(`CRL ${path} is out of date (past its nextUpdate)`);
    return loaded;
  };
  return {
    async check() {
      await current();
    },
    async isRevoked(issuerSubject, serialNumber) {
      let loaded: Loaded;
      try {
        loaded = await current();
      } catch {
        // Fail closed: without a readable, authentic CRL no certificate can be shown not to be revoked.
        throw new DomainError('unavailable', 'certificate revocation list unavailable');
      }
      return loaded.revoked.has(`${issuerSubject}|${normaliseSerial(serialNumber)}`);
    },
  };
}

async function importPublicKey(ca: NodeCertificate) {
  const { X509Certificate } = await import('@peculiar/x509');
  return new X509Certificate(ca.raw).publicKey;
}

/** Node prints names one attribute per line (`CN=x\nO=y`); @peculiar/x509 as `CN=x, O=y`. */
function sameName(nodeName: string, peculiarName: string): boolean {
  const norm = (s: string) =>
    s
      .split(/\n|,\s*/)
      .map((p) => p.trim())
      .filter(Boolean)
      .sort()
      .join('|');
  return norm(nodeName) === norm(peculiarName);
}
