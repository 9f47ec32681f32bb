import express, { type ErrorRequestHandler, type RequestHandler } from 'express';
import { DomainError } from '../../errors/domain-error.js';

const JSON_TYPES = ['application/json', 'application/*+json'];
const FORM = 'application/x-www-form-urlencoded';
const CSV = 'text/csv';

function hasBody(headers: Record<string, string | string[] | undefined>): boolean {
  return (
    headers['transfer-encoding'] !== undefined ||
    (headers['content-length'] !== undefined && headers['content-length'] !== '0')
  );
}

/**
 * Accepts a body only in a media type the matched operation declares (JSON everywhere; a form only
 * where the contract says so, as OAuth's token endpoint must) and within the size limit. Anything else
 * is a 415 before a byte is parsed; malformed JSON a 400; too large a 413.
 */
export function requestBody(limitBytes: number, uploadLimitBytes = limitBytes): RequestHandler[] {
  const requireDeclaredType: RequestHandler = (req, res, next) => {
    if (!hasBody(req.headers)) return next();
    const declared = res.locals.operation?.consumes ?? JSON_TYPES;
    const allowed =
      declared.length === 0 ? JSON_TYPES : declared.map((t) => (t === 'application/json' ? JSON_TYPES : [t])).flat();
    if (!req.is(allowed))
      throw new DomainError(
        'unsupported-media-type',
        `Stuur de body als ${declared.join(' of ') || 'application/json'}.`,
      );
    next();
  };
  const json = express.json({ limit: limitBytes, type: JSON_TYPES, strict: true });
  const uploadJson = express.json({ limit: uploadLimitBytes, type: JSON_TYPES, strict: true });
  const csv = express.text({ limit: uploadLimitBytes, type: CSV });
  // An operation that takes a partner export (it declares text/csv) has the upload limit for its body.
  const isUpload = (res: { locals: Record<string, unknown> }) =>
    (res.locals.operation as { consumes?: string[] } | undefined)?.consumes?.includes(CSV) === true;
  return [
    requireDeclaredType,
    (req, res, next) => (isUpload(res) ? uploadJson : json)(req, res, next),
    (req, res, next) => (isUpload(res) ? csv(req, res, next) : next()),
    express.urlencoded({ limit: limitBytes, type: FORM, extended: false, parameterLimit: 20 }),
  ];
}

interface BodyParserError {
  type?: string;
  status?: number;
}

/** Translates body-parser's errors into domain errors; anything else passes on. */
export const bodyErrors: ErrorRequestHandler = (err: unknown, _req, _res, next) => {
  const type = (err as BodyParserError | null)?.type;
  if (type === 'entity.too.large')
    return next(new DomainError('payload-too-large', 'De body is groter dan toegestaan.'));
  if (type === 'entity.parse.failed') return next(new DomainError('invalid-request', 'De body is geen geldige JSON.'));
  if (type === 'parameters.too.many')
    return next(new DomainError('invalid-request', 'Te veel velden in het formulier.'));
  if (type === 'encoding.unsupported' || type === 'charset.unsupported') {
    return next(new DomainError('unsupported-media-type', 'Alleen UTF-8 wordt ondersteund.'));
  }
  if (type === 'request.aborted' || type === 'request.size.invalid')
    return next(new DomainError('invalid-request', 'De body kwam niet volledig aan.'));
  // Any other client error of the body parser (e.g. a body that does not match its Content-Encoding) is
  // the caller's fault, never a 500.
  const status = (err as BodyParserError | null)?.status;
  if (typeof type === 'string' && typeof status === 'number' && status >= 400 && status < 500)
    return next(new DomainError('invalid-request', 'De body kon niet gelezen worden.'));
  next(err);
};
