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
  | 'forwarded-certificate-untrusted-peer'
  | 'partner-suspended'
  | 'token-malformed'
  | 'token-too-large'
  | 'token-invalid'
  | 'token-expired'
  | 'token-partner-mismatch'
  | 'token-certificate-mismatch'
  | 'assertion-invalid'
  | 'assertion-replayed'
  | 'assertion-unknown-key'
  | 'role-not-allowed';

export class AuthFailure extends DomainError {
  constructor(
    readonly reason: AuthFailureReason,
    readonly partnerId?: string,
    status: 'unauthenticated' | 'forbidden' = 'unauthenticated',
  ) {
    super(
      status,
      status === 'forbidden' ? 'Deze partner of medewerker mag dit niet.' : 'Geen geldige partneridentiteit.',
    );
  }
}
