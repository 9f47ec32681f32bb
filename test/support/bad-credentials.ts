import 'reflect-metadata';
import { createPrivateKey, X509Certificate, webcrypto } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { X509Certificate as PeculiarCertificate, X509CrlGenerator } from '@peculiar/x509';
import { base64url, SignJWT } from 'jose';
import {
  createCertificateAuthority,
  issueCertificate,
  loadCertificateAuthority,
  type IssuedCertificate,
} from '../../adapters/crypto/certificate-authority.js';
import type { DevPkiPaths } from '../../adapters/crypto/dev-pki.js';
import type { Store } from '../../adapters/store/open-store.js';
import { partnerRepository } from '../../adapters/store/partner-repository.js';
import { certificateFingerprint } from '../../gateway/bootstrap/register-demo-partners.js';
import { demoPartners } from '../../gateway/bootstrap/demo-partners.js';

const DAY = 24 * 60 * 60 * 1000;

export function oinOf(partnerId: string): string {
  return demoPartners.find((p) => p.id === partnerId)!.oin;
}

/** Registers a certificate for a partner straight in the registry, so only the check under test can fail. */
async function register(store: Store, partnerId: string, cert: IssuedCertificate): Promise<void> {
  const x = new X509Certificate(cert.certPem);
  await partnerRepository(store.db).addCertificate(partnerId, {
    fingerprint: certificateFingerprint(cert.certPem),
    subject: x.subject,
    serienummer: x.serialNumber,
    geldigVanaf: new Date(x.validFrom),
    geldigTot: new Date(x.validTo),
  });
}

export interface BadCertificates {
  selfSigned: IssuedCertificate;
  unknownCa: IssuedCertificate;
  expired: IssuedCertificate;
  notYetValid: IssuedCertificate;
  revoked: IssuedCertificate;
  unregistered: IssuedCertificate;
}

/**
 * Client certificates that must each be refused for exactly one reason. All carry the OIN of
 * `politie-demo`; the ones from the dev CA are registered to it, so the registry is not what refuses them.
 */
export async function makeBadCertificates(pki: DevPkiPaths, store: Store, now: Date): Promise<BadCertificates> {
  const ca = loadCertificateAuthority(readFileSync(pki.caCert, 'utf8'), readFileSync(pki.caKey, 'utf8'));
  const oin = oinOf('politie-demo');
  const client = (notBefore: Date, days: number) =>
    issueCertificate(ca, {
      commonName: 'Politie test',
      organisation: 'Politie test',
      oin,
      usage: 'client',
      notBefore,
      days,
    });
  const self = createCertificateAuthority('Zelf ondertekend', now);
  const other = createCertificateAuthority('Onbekende CA', now);
  const bad: BadCertificates = {
    selfSigned: { certPem: self.certPem, keyPem: self.keyPem },
    unknownCa: issueCertificate(other, {
      commonName: 'Politie nep',
      organisation: 'Politie nep',
      oin,
      usage: 'client',
      notBefore: new Date(now.getTime() - DAY),
      days: 30,
    }),
    expired: client(new Date(now.getTime() - 400 * DAY), 30),
    notYetValid: client(new Date(now.getTime() + 10 * DAY), 30),
    revoked: client(new Date(now.getTime() - DAY), 30),
    unregistered: client(new Date(now.getTime() - DAY), 30),
  };
  for (const c of [bad.expired, bad.notYetValid, bad.revoked]) await register(store, 'politie-demo', c);
  return bad;
}

/** Writes a CRL signed by the dev CA that revokes `revoked` (and nothing else). */
export async function writeCrl(pki: DevPkiPaths, revoked: IssuedCertificate[], path: string, now: Date): Promise<void> {
  const caCert = new PeculiarCertificate(readFileSync(pki.caCert, 'utf8'));
  const pkcs8 = createPrivateKey(readFileSync(pki.caKey, 'utf8')).export({ type: 'pkcs8', format: 'der' });
  const alg = { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' };
  const signingKey = await webcrypto.subtle.importKey('pkcs8', pkcs8, alg, false, ['sign']);
  const crl = await X509CrlGenerator.create({
    issuer: caCert.subject,
    thisUpdate: new Date(now.getTime() - DAY),
    nextUpdate: new Date(now.getTime() + 7 * DAY),
    signingAlgorithm: alg,
    signingKey: signingKey as unknown as Parameters<typeof X509CrlGenerator.create>[0]['signingKey'],
    entries: revoked.map((c) => ({
      serialNumber: new X509Certificate(c.certPem).serialNumber,
      revocationDate: new Date(now.getTime() - DAY),
    })),
  });
  writeFileSync(path, crl.toString('pem'));
}

/** An unsigned JWT (`alg: none`) with the given claims. */
export function unsignedToken(claims: Record<string, unknown>): string {
  const enc = (o: unknown) => base64url.encode(JSON.stringify(o));
  return `${enc({ alg: 'none', typ: 'at+jwt' })}.${enc(claims)}.`;
}

/** The classic algorithm-confusion forgery: HS256 keyed with the verifier's public key. */
export async function hmacWithPublicKey(claims: Record<string, unknown>, publicKeyMaterial: string): Promise<string> {
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'HS256', typ: 'at+jwt' })
    .sign(new TextEncoder().encode(publicKeyMaterial));
}
