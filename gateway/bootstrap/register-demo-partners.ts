import { createHash, X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { DevPkiPaths } from '../../adapters/crypto/dev-pki.js';
import type { RepositoryStore } from '../../adapters/store/repositories.js';
import { demoPartners } from './demo-partners.js';

/** SHA-256 over the DER certificate, hex: the fingerprint partners are registered by. */
export function certificateFingerprint(pem: string): string {
  return createHash('sha256').update(new X509Certificate(pem).raw).digest('hex');
}

/**
 * Registers the demo partners, their dev-PKI certificates and assertion keys when absent. Idempotent: a restart finds
 * them and changes nothing, so a suspension done by hand survives restarts.
 */
export async function registerDemoPartners(store: RepositoryStore, pki: DevPkiPaths): Promise<void> {
  for (const p of demoPartners) {
    const pem = readFileSync(pki.partnerCert(p.id), 'utf8');
    const x509 = new X509Certificate(pem);
    const fingerprint = certificateFingerprint(pem);
    const { d: _d, ...publicJwk } = JSON.parse(readFileSync(pki.partnerAssertionKey(p.id), 'utf8')) as Record<
      string,
      string
    >;
    const kid = publicJwk.kid!;
    await store.transaction(async ({ partners }) => {
      if (!(await partners.findById(p.id))) {
        const { id, naam, oin, soort, regime, contactNaam, contactEmail } = p;
        await partners.create({ id, naam, oin, soort, regime, contactNaam, contactEmail });
      }
      if (!(await partners.keys(p.id)).some((k) => k.kid === kid))
        await partners.addKey(p.id, kid, JSON.stringify(publicJwk));
      if (!(await partners.findCertificate(fingerprint)))
        await partners.addCertificate(p.id, {
          fingerprint,
          subject: x509.subject.replace(/\n/g, ', '),
          serienummer: x509.serialNumber,
          geldigVanaf: new Date(x509.validFrom),
          geldigTot: new Date(x509.validTo),
        });
    });
  }
}
