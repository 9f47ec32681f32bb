import type { GatewayKeys } from '../../adapters/crypto/gateway-keys.js';
import type { PartnerRecord, PartnerRepository } from '../../adapters/store/partner-repository.js';
import type { Clock } from '../clock.js';
import { createHash, X509Certificate } from 'node:crypto';
import { type Actor, systemActor } from './actor.js';
import type { IdentityCache } from './identity-cache.js';
import { verifyAccessToken } from './access-token.js';
import { AuthFailure } from './auth-failure.js';
import {
  type CertificateTrust,
  type VerifiedCertificate,
  verifyClientCertificate,
} from './verify-client-certificate.js';

export interface CallerIdentity {
  partner: PartnerRecord;
  actor: Actor;
  certificate?: VerifiedCertificate;
}

export interface IdentifyDeps {
  partners: PartnerRepository;
  trust: CertificateTrust;
  keys: GatewayKeys;
  issuer: string;
  clock: Clock;
  cache: IdentityCache;
}

/**
 * Maps a verified certificate to its partner: the fingerprint must be registered to a partner with the
 * certificate's OIN, and not revoked in the registry.
 */
export async function partnerOfCertificate(
  der: Buffer,
  deps: IdentifyDeps,
): Promise<{ partner: PartnerRecord; certificate: VerifiedCertificate }> {
  const now = deps.clock.now();
  const cached = deps.cache.certificate(createHash('sha256').update(der).digest('hex'), now);
  if (cached) return cached;
  const certificate = await verifyClientCertificate(der, deps.trust, now);
  const registered = await deps.partners.findCertificate(certificate.fingerprint);
  if (!registered || registered.partner.oin !== certificate.oin) throw new AuthFailure('certificate-unregistered');
  if (registered.ingetrokkenOp) throw new AuthFailure('certificate-revoked', registered.partner.id);
  const x509 = new X509Certificate(der);
  deps.cache.rememberCertificate(
    {
      partner: registered.partner,
      certificate,
      notBefore: Date.parse(x509.validFrom),
      notAfter: Date.parse(x509.validTo),
    },
    now,
  );
  return { partner: registered.partner, certificate };
}

async function partnerById(id: string, deps: IdentifyDeps): Promise<PartnerRecord | null> {
  const now = deps.clock.now();
  const cached = deps.cache.partner(id, now);
  if (cached) return cached;
  const partner = await deps.partners.findById(id);
  if (partner) deps.cache.rememberPartner(partner, now);
  return partner;
}

function bearerToken(authorization: string): string {
  const match = /^Bearer ([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*)$/.exec(authorization.trim());
  if (!match) throw new AuthFailure('token-malformed');
  return match[1]!;
}

/**
 * Who is calling: a client certificate alone (a system call), or an access token (naming an actor),
 * bound to the certificate when it was issued over mTLS. Every mismatch is a refusal; a suspended
 * partner is known but forbidden.
 */
export async function identifyCaller(
  input: { certificateDer?: Buffer; authorization?: string },
  deps: IdentifyDeps,
): Promise<CallerIdentity> {
  const fromCert = input.certificateDer ? await partnerOfCertificate(input.certificateDer, deps) : undefined;
  let identity: CallerIdentity;
  if (input.authorization !== undefined) {
    const claims = await verifyAccessToken(bearerToken(input.authorization), deps.keys, deps.issuer, deps.clock);
    if (fromCert && fromCert.partner.id !== claims.partnerId)
      throw new AuthFailure('token-partner-mismatch', fromCert.partner.id);
    if (claims.certificateThumbprint && claims.certificateThumbprint !== fromCert?.certificate.thumbprintS256) {
      throw new AuthFailure('token-certificate-mismatch', claims.partnerId);
    }
    const partner = fromCert?.partner ?? (await partnerById(claims.partnerId, deps));
    if (!partner) throw new AuthFailure('token-invalid');
    // A token bound to nothing is honoured only while the partner's registration still allows that.
    if (!claims.certificateThumbprint && !(claims.unbound && partner.assertieZonderCertificaat))
      throw new AuthFailure('token-unbound', partner.id);
    identity = { partner, actor: claims.actor, certificate: fromCert?.certificate };
  } else if (fromCert) {
    identity = { partner: fromCert.partner, actor: systemActor, certificate: fromCert.certificate };
  } else {
    throw new AuthFailure('no-credentials');
  }
  if (identity.partner.status !== 'actief')
    throw new AuthFailure('partner-suspended', identity.partner.id, 'forbidden');
  return identity;
}
