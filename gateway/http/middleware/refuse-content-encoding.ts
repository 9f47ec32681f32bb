import type { RequestHandler } from 'express';
import { DomainError } from '../../errors/domain-error.js';

/**
 * Request bodies are accepted uncompressed only (`identity`): a compressed body would be inflated before
 * its size could be bounded, and a broken one made the body parser fail with a 500. Refused as a 415
 * before authentication reads anything (RFC 9110 §15.5.16), with `Accept-Encoding: identity`.
 */
export const refuseContentEncoding: RequestHandler = (req, res, next) => {
  const encoding = req.headers['content-encoding'];
  if (encoding === undefined) return next();
  const codings = encoding
    .split(',')
    .map((c) => c.trim().toLowerCase())
    .filter(Boolean);
  if (codings.every((c) => c === 'identity')) return next();
  res.setHeader('Accept-Encoding', 'identity');
  throw new DomainError('unsupported-media-type', 'Stuur de body zonder Content-Encoding (identity).');
};
