import express, { type ErrorRequestHandler, type RequestHandler } from 'express';
import { DomainError } from '../../errors/domain-error.js';

const JSON_TYPES = ['application/json', 'application/*+json'];

/**
 * Accepts JSON bodies only and within the size limit. A body with another media type is a 415 before
 * a byte of it is parsed; malformed JSON is a 400; too large a 413.
 */
export function jsonBody(limitBytes: number): RequestHandler[] {
  const requireJson: RequestHandler = (req, _res, next) => {
    if (!req.readable || !hasBody(req.headers)) return next();
    if (!req.is(JSON_TYPES)) throw new DomainError('unsupported-media-type', 'Stuur de body als application/json.');
    next();
  };
  return [requireJson, express.json({ limit: limitBytes, type: JSON_TYPES, strict: true })];
}

function hasBody(headers: Record<string, string | string[] | undefined>): boolean {
  return headers['transfer-encoding'] !== undefined || (headers['content-length'] !== undefined && headers['content-length'] !== '0');
}

interface BodyParserError {
  type?: string;
  status?: number;
}

/** Translates body-parser's errors into domain errors; anything else passes on. */
export const bodyErrors: ErrorRequestHandler = (err: unknown, _req, _res, next) => {
  const type = (err as BodyParserError | null)?.type;
  if (type === 'entity.too.large') return next(new DomainError('payload-too-large', 'De body is groter dan toegestaan.'));
  if (type === 'entity.parse.failed') return next(new DomainError('invalid-request', 'De body is geen geldige JSON.'));
  if (type === 'encoding.unsupported' || type === 'charset.unsupported') {
    return next(new DomainError('unsupported-media-type', 'Alleen UTF-8 JSON wordt ondersteund.'));
  }
  if (type === 'request.aborted' || type === 'request.size.invalid') return next(new DomainError('invalid-request', 'De body kwam niet volledig aan.'));
  next(err);
};
