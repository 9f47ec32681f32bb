import type { PartnerRecord } from '../../adapters/store/partner-repository.js';
import type { VerifiedCertificate } from './verify-client-certificate.js';

interface CachedCertificate {
  partner: PartnerRecord;
  certificate: VerifiedCertificate;
  notBefore: number;
  notAfter: number;
  cachedUntil: number;
}

export interface IdentityCache {
  certificate(fingerprint: string, now: Date): { partner: PartnerRecord; certificate: VerifiedCertificate } | undefined;
  rememberCertificate(entry: Omit<CachedCertificate, 'cachedUntil'>, now: Date): void;
  partner(id: string, now: Date): PartnerRecord | undefined;
  rememberPartner(partner: PartnerRecord, now: Date): void;
  /** Forget everything: called on every change to the registry made in this process. */
  clear(): void;
}

/**
 * Remembers verified certificates and partner records for a few seconds, so a busy partner's requests
 * do not each re-verify the chain and hit the database twice. The TTL bounds how long a suspension or
 * revocation made by another process (or a new CRL) can take to bite; changes made through this
 * process clear the cache at once. Certificate validity dates are still checked on every request.
 */
export function identityCache(ttlMs: number, maxEntries = 10_000): IdentityCache {
  const certificates = new Map<string, CachedCertificate>();
  const partners = new Map<string, { partner: PartnerRecord; cachedUntil: number }>();
  const bounded = <K, V>(map: Map<K, V>) => {
    if (map.size >= maxEntries) map.clear();
  };
  return {
    certificate(fingerprint, now) {
      const hit = certificates.get(fingerprint);
      const t = now.getTime();
      if (!hit || t > hit.cachedUntil || t < hit.notBefore || t > hit.notAfter) return undefined;
      return { partner: hit.partner, certificate: hit.certificate };
    },
    rememberCertificate(entry, now) {
      if (ttlMs <= 0) return;
      bounded(certificates);
      certificates.set(entry.certificate.fingerprint, { ...entry, cachedUntil: now.getTime() + ttlMs });
    },
    partner(id, now) {
      const hit = partners.get(id);
      return hit && now.getTime() <= hit.cachedUntil ? hit.partner : undefined;
    },
    rememberPartner(partner, now) {
      if (ttlMs <= 0) return;
      bounded(partners);
      partners.set(partner.id, { partner, cachedUntil: now.getTime() + ttlMs });
    },
    clear() {
      certificates.clear();
      partners.clear();
    },
  };
}
