import type { ErrorRequestHandler, RequestHandler } from 'express';
import * as OpenApiValidator from 'express-openapi-validator';
import type { Contract } from '../../../openapi/load-contract.js';
import { DomainError, type InvalidParam } from '../../errors/domain-error.js';
import { memoizeRoutePatterns } from './memoize-route-patterns.js';

/**
 * Validates every request, and every JSON response, against the OpenAPI document with
 * express-openapi-validator (maintained, OpenAPI 3.1, Express 5). A response that breaks the contract
 * becomes a 500 with a log line naming the operation: code and spec cannot silently disagree.
 */
export function validateAgainstContract(contract: Contract, validateResponses: boolean): RequestHandler[] {
  memoizeRoutePatterns();
  return OpenApiValidator.middleware({
    apiSpec: structuredClone(contract.document) as never,
    validateRequests: { allowUnknownQueryParameters: false, removeAdditional: false },
    validateResponses: validateResponses ? { removeAdditional: false } : false,
    validateSecurity: false,
    ignoreUndocumented: true,
    validateFormats: true,
    // 'full' checks calendars and clocks (2026-02-30, 25:00 are invalid), not just the shape.
    ajvFormats: { mode: 'full' },
  }) as RequestHandler[];
}

interface ValidatorError {
  status?: number;
  path?: string;
  errors?: { path: string; message: string }[];
}

function isValidatorError(err: unknown): err is ValidatorError {
  return typeof err === 'object' && err !== null && 'status' in err && Array.isArray((err as ValidatorError).errors);
}

/** Maps the validator's errors to domain errors; a response-validation failure stays a server error. */
export const contractErrors: ErrorRequestHandler = (err: unknown, _req, _res, next) => {
  if (!isValidatorError(err) || err.status === undefined) return next(err);
  const invalidParams: InvalidParam[] = (err.errors ?? []).map((e) => ({ name: e.path, reason: e.message }));
  switch (err.status) {
    case 400:
      return next(new DomainError('invalid-request', 'Het verzoek voldoet niet aan het contract.', { invalidParams }));
    case 415:
      return next(new DomainError('unsupported-media-type', 'Dit mediatype wordt hier niet geaccepteerd.'));
    case 413:
      return next(new DomainError('payload-too-large', 'De body is groter dan toegestaan.'));
    default:
      return next(new ContractViolation(invalidParams));
  }
};

/** The server answered something the contract does not allow. A bug; never shown to the caller. */
export class ContractViolation extends Error {
  constructor(readonly violations: InvalidParam[]) {
    super('response does not match the contract');
    this.name = 'ContractViolation';
  }
}
