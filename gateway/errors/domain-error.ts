/**
 * Stable error codes. Domain code throws DomainError with one of these; the HTTP edge maps each code to
 * a status and title in exactly one place (gateway/http/problem-catalogue.ts). Partners may rely on them.
 */
export const errorCodes = [
  'invalid-request',
  'unauthenticated',
  'forbidden',
  'covenant-denied',
  'doel-niet-toegestaan',
  'not-found',
  'method-not-allowed',
  'not-acceptable',
  'conflict',
  'idempotency-conflict',
  'payload-too-large',
  'unsupported-media-type',
  'rate-limited',
  'internal-error',
  'unavailable',
] as const;

export type ErrorCode = (typeof errorCodes)[number];

export interface InvalidParam {
  name: string;
  reason: string;
}

/** An expected failure with a stable code. Carries no HTTP knowledge. */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly extra: { invalidParams?: InvalidParam[]; retryAfterSeconds?: number; allow?: string[] } = {},
  ) {
    super(message);
    this.name = 'DomainError';
  }
}
