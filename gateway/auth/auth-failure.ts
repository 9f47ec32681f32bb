import { DomainError } from '../errors/domain-error.js';

/**
 * Why an identity was refused. The reason goes to the security log and the audit table; the caller
 * sees only a generic 401/403, so a prober learns nothing about which check it failed.
 */
export type AuthFailureReason =
  | 'no-credentials'
  | 'certificate-unparseable'
  | 'certificate-untrusted'
  | 'certificate-expired'
  | 'certificate-not-yet-valid'
  | 'certificate-revoked'
  | 'certificate-no-oin'
  | 'certificate-unregistered'
  | 'certificate-not-client'
  | 'certificate-weak-key'
  | 'certificate-weak-signature'
  | 'forwarded-certificate-untrusted-peer'
  | 'partner-suspended'
  | 'token-malformed'
  | 'token-too-large'
  | 'token-invalid'
  | 'token-expired'
  | 'token-partner-mismatch'
  | 'token-certificate-mismatch'
  | 'token-unbound'
  | 'assertion-invalid'
  | 'assertion-from-the-future'
  | 'assertion-too-long-lived'
  | 'assertion-without-certificate'
  | 'assertion-replayed'
  | 'assertion-unknown-key'
  | 'role-not-allowed';

export class AuthFailure extends DomainError {
  /**
   * The partner an unverified credential claimed to be (e.g. the `iss` of an assertion whose signature
   * did not verify). Audited as a claim only: a forger must not write into that partner's audit trail.
   */
  claimedPartnerId?: string;

  constructor(
    readonly reason: AuthFailureReason,
    /** The partner this refusal is attributed to: set only when its identity was proven (certificate, signature). */
    readonly partnerId?: string,
    status: 'unauthenticated' | 'forbidden' = 'unauthenticated',
  ) {
    super(
      status,
      status === 'forbidden' ? 'Deze partner of medewerker mag dit niet.' : 'Geen geldige partneridentiteit.',
    );
  }

  /** A refusal of a credential whose claimed issuer was not proven. */
  static unverified(reason: AuthFailureReason, claimedPartnerId: string): AuthFailure {
    const failure = new AuthFailure(reason);
    failure.claimedPartnerId = claimedPartnerId;
    return failure;
  }
}
