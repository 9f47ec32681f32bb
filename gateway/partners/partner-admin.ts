import { X509Certificate } from 'node:crypto';
import { importJWK, type JWK } from 'jose';
import type { AuditRepository } from '../../adapters/store/audit-repository.js';
import type { PartnerRecord, PartnerRepository } from '../../adapters/store/partner-repository.js';
import { partnerSoorten, regimes } from '../../policies/taxonomy/partner-soorten.js';
import { assertionAlgorithms } from '../auth/verify-client-assertion.js';
import { type CertificateTrust, verifyClientCertificate } from '../auth/verify-client-certificate.js';
import { AuthFailure } from '../auth/auth-failure.js';
import type { Clock } from '../clock.js';
import { DomainError } from '../errors/domain-error.js';

export interface NewPartner {
  id: string;
  naam: string;
  oin: string;
  soort: string;
  regime: string;
  contactNaam?: string | null;
  contactEmail?: string | null;
  /** Allow token exchange without the client certificate (an unbound, marked bearer token). Default false. */
  assertieZonderCertificaat?: boolean;
}

function invalid(name: string, reason: string): DomainError {
  return new DomainError('invalid-request', reason, { invalidParams: [{ name, reason }] });
}

/**
 * Administration of the partner registry, used by the CLI and the admin API alike. Every change is an
 * audit event naming who made it.
 */
export function partnerAdmin(deps: {
  partners: PartnerRepository;
  audit: AuditRepository;
  trust: CertificateTrust;
  clock: Clock;
  /** Told of every change, after it is written: invalidates identity caches in every process. */
  onChange?: () => void | Promise<void>;
}) {
  const { partners, audit, clock } = deps;
  const record = async (reden: string, partnerId: string, actor: string) => {
    await deps.onChange?.();
    await audit.record({ soort: 'beheer', reden, partnerId, actor }, clock.now());
  };
  const existing = async (id: string): Promise<PartnerRecord> => {
    const p = await partners.findById(id);
    if (!p) throw new DomainError('not-found', `Partner ${id} bestaat niet.`);
    return p;
  };

  return {
    async register(input: NewPartner, actor: string): Promise<PartnerRecord> {
      if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(input.id)) throw invalid('/id', 'kleine letters, cijfers en koppeltekens');
      if (!/^[0-9]{20}$/.test(input.oin)) throw invalid('/oin', 'een OIN heeft 20 cijfers');
      if (!(partnerSoorten as readonly string[]).includes(input.soort))
        throw invalid('/soort', `een van ${partnerSoorten.join(', ')}`);
      if (!(regimes as readonly string[]).includes(input.regime))
        throw invalid('/regime', `een van ${regimes.join(', ')}`);
      const created = await partners.create({
        ...input,
        contactNaam: input.contactNaam ?? null,
        contactEmail: input.contactEmail ?? null,
        assertieZonderCertificaat: input.assertieZonderCertificaat === true,
      });
      if (!created) throw new DomainError('conflict', 'Er is al een partner met deze id of OIN.');
      await record('partner-toegevoegd', input.id, actor);
      return existing(input.id);
    },

    list: () => partners.list(),

    async show(id: string) {
      const partner = await existing(id);
      const keys = await partners.keys(id);
      return {
        partner,
        certificaten: await partners.certificates(id),
        sleutels: keys.map((k) => ({ kid: k.kid, ingetrokkenOp: k.ingetrokkenOp })),
      };
    },

    async setStatus(id: string, status: 'actief' | 'geschorst', actor: string): Promise<PartnerRecord> {
      const updated = await partners.setStatus(id, status);
      if (!updated) throw new DomainError('not-found', `Partner ${id} bestaat niet.`);
      await record(status === 'geschorst' ? 'partner-geschorst' : 'partner-hervat', id, actor);
      return updated;
    },

    /** Allows or forbids this partner's certificate-less token exchange; outstanding unbound tokens follow it. */
    async setAssertionWithoutCertificate(id: string, allowed: boolean, actor: string): Promise<PartnerRecord> {
      const updated = await partners.setAssertionWithoutCertificate(id, allowed);
      if (!updated) throw new DomainError('not-found', `Partner ${id} bestaat niet.`);
      await record(
        allowed ? 'assertie-zonder-certificaat-toegestaan' : 'assertie-zonder-certificaat-ingetrokken',
        id,
        actor,
      );
      return updated;
    },

    /** Registers a client certificate after checking it as authentication would, and that its OIN is the partner's. */
    async addCertificate(id: string, pem: string, actor: string) {
      const partner = await existing(id);
      let x509: X509Certificate;
      try {
        x509 = new X509Certificate(pem);
      } catch {
        throw invalid('/pem', 'geen leesbaar X.509-certificaat (PEM)');
      }
      let verified;
      try {
        verified = await verifyClientCertificate(Buffer.from(x509.raw), deps.trust, clock.now());
      } catch (err) {
        if (err instanceof AuthFailure) throw invalid('/pem', `certificaat geweigerd: ${err.reason}`);
        throw err;
      }
      if (verified.oin !== partner.oin) throw invalid('/pem', 'de OIN in het certificaat is niet die van deze partner');
      const cert = {
        fingerprint: verified.fingerprint,
        subject: x509.subject.replace(/\n/g, ', '),
        serienummer: x509.serialNumber,
        geldigVanaf: new Date(x509.validFrom),
        geldigTot: new Date(x509.validTo),
      };
      if (!(await partners.addCertificate(id, cert)))
        throw new DomainError('conflict', 'Dit certificaat is al geregistreerd.');
      await record('certificaat-toegevoegd', id, actor);
      return { ...cert, ingetrokkenOp: null };
    },

    async revokeCertificate(id: string, fingerprint: string, actor: string): Promise<void> {
      await existing(id);
      if (!(await partners.revokeCertificate(id, fingerprint.toLowerCase(), clock.now())))
        throw new DomainError('not-found', 'Geen actief certificaat met deze vingerafdruk.');
      await record('certificaat-ingetrokken', id, actor);
    },

    /** Registers a public JWK for client assertions; private keys are refused so they never get stored. */
    async addKey(id: string, jwk: JWK, actor: string): Promise<{ kid: string }> {
      await existing(id);
      if ('d' in jwk || 'p' in jwk || 'k' in jwk) throw invalid('/jwk', 'alleen publieke sleutels');
      if (typeof jwk.kid !== 'string' || !/^[A-Za-z0-9._-]{1,128}$/.test(jwk.kid))
        throw invalid('/jwk/kid', 'kid ontbreekt of bevat ongeldige tekens');
      const alg = jwk.alg ?? (jwk.kty === 'OKP' ? 'EdDSA' : jwk.kty === 'EC' ? 'ES256' : 'PS256');
      if (!(assertionAlgorithms as readonly string[]).includes(alg))
        throw invalid('/jwk/alg', `een van ${assertionAlgorithms.join(', ')}`);
      try {
        await importJWK(jwk, alg);
      } catch {
        throw invalid('/jwk', 'geen bruikbare publieke sleutel voor dit algoritme');
      }
      const { kid, kty, crv, x, y, n, e } = jwk;
      const publicOnly = Object.fromEntries(
        Object.entries({ kid, kty, crv, x, y, n, e, alg }).filter(([, v]) => v !== undefined),
      );
      if (!(await partners.addKey(id, kid, JSON.stringify(publicOnly))))
        throw new DomainError('conflict', 'Deze kid is al geregistreerd.');
      await record('sleutel-toegevoegd', id, actor);
      return { kid };
    },

    async revokeKey(id: string, kid: string, actor: string): Promise<void> {
      await existing(id);
      if (!(await partners.revokeKey(id, kid, clock.now())))
        throw new DomainError('not-found', 'Geen actieve sleutel met deze kid.');
      await record('sleutel-ingetrokken', id, actor);
    },
  };
}

export type PartnerAdmin = ReturnType<typeof partnerAdmin>;
