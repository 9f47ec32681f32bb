import { createHash, X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { DevPkiPaths } from '../../adapters/crypto/dev-pki.js';
import type { Store } from '../../adapters/store/open-store.js';
import { demoPartners } from './demo-partners.js';

/** SHA-256 over the DER certificate, hex: the fingerprint partners are registered by. */
export function certificateFingerprint(pem: string): string {
  return createHash('sha256').update(new X509Certificate(pem).raw).digest('hex');
}

/**
 * Registers the demo partners, their dev-PKI certificates and assertion keys when absent. Idempotent: a restart finds
 * them and changes nothing, so a suspension done by hand survives restarts.
 */
export async function registerDemoPartners(store: Store, pki: DevPkiPaths): Promise<void> {
  for (const p of demoPartners) {
    const pem = readFileSync(pki.partnerCert(p.id), 'utf8');
    const x509 = new X509Certificate(pem);
    const fingerprint = certificateFingerprint(pem);
    await store.db.$transaction(async (tx) => {
      const existing = await tx.partner.findUnique({ where: { id: p.id } });
      if (!existing) {
        await tx.partner.create({
          data: {
            id: p.id,
            naam: p.naam,
            oin: p.oin,
            soort: p.soort,
            regime: p.regime,
            contactNaam: p.contactNaam,
            contactEmail: p.contactEmail,
          },
        });
      }
      const { d: _d, ...publicJwk } = JSON.parse(readFileSync(pki.partnerAssertionKey(p.id), 'utf8')) as Record<
        string,
        string
      >;
      const kid = publicJwk.kid!;
      if (!(await tx.partnerSleutel.findUnique({ where: { partnerId_kid: { partnerId: p.id, kid } } }))) {
        await tx.partnerSleutel.create({
          data: { id: `${p.id}:${kid}`, partnerId: p.id, kid, jwk: JSON.stringify(publicJwk) },
        });
      }
      const cert = await tx.partnerCertificaat.findUnique({ where: { fingerprint } });
      if (!cert) {
        await tx.partnerCertificaat.create({
          data: {
            id: fingerprint.slice(0, 32),
            partnerId: p.id,
            fingerprint,
            subject: x509.subject.replace(/\n/g, ', '),
            serienummer: x509.serialNumber,
            geldigVanaf: new Date(x509.validFrom),
            geldigTot: new Date(x509.validTo),
          },
        });
      }
    });
  }
}
