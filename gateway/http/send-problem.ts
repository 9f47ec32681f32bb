import type { Request, Response } from 'express';
import { DomainError, type ErrorCode, type InvalidParam } from '../errors/domain-error.js';
import { problemCatalogue, problemTypeBase } from './problem-catalogue.js';

export interface ProblemBody {
  type: string;
  title: string;
  status: number;
  code: ErrorCode;
  detail?: string;
  instance?: string;
  logId?: string;
  invalidParams?: InvalidParam[];
}

/** Builds the RFC 9457 body for a code. Server errors carry only the log id, never a message. */
export function problemBody(
  code: ErrorCode,
  detail?: string,
  extra: { logId?: string; invalidParams?: InvalidParam[]; instance?: string } = {},
): ProblemBody {
  const { status, title } = problemCatalogue[code];
  const body: ProblemBody = { type: `${problemTypeBase}${code}`, title, status, code };
  if (status >= 500) {
    if (extra.logId) body.logId = extra.logId;
    return body;
  }
  if (detail) body.detail = detail;
  if (extra.instance) body.instance = extra.instance;
  if (extra.invalidParams?.length) body.invalidParams = extra.invalidParams;
  return body;
}

/** Sends a DomainError as `application/problem+json`, with Allow / Retry-After where they apply. */
export function sendProblem(req: Request, res: Response, error: DomainError, logId: string): void {
  const body = problemBody(error.code, error.message, {
    logId,
    invalidParams: error.extra.invalidParams,
    instance: req.originalUrl.split('?')[0],
  });
  if (error.extra.allow) res.setHeader('Allow', error.extra.allow.join(', '));
  if (error.extra.retryAfterSeconds !== undefined) res.setHeader('Retry-After', String(error.extra.retryAfterSeconds));
  res.status(body.status).type('application/problem+json').send(JSON.stringify(body));
}
