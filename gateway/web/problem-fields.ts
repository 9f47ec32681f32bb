import { DomainError } from '../errors/domain-error.js';
import type { FieldError } from './form-fields.js';

/**
 * A use case's refusal of what a form sent, as form errors: its invalid parameters (JSON pointers such
 * as `/bsn`) become errors on the field of that name; a conflict is one error on `fallback`. Anything
 * else is not the form's fault and is thrown on.
 */
export function formErrorsOf(err: unknown, fallback: string): { errors: FieldError[]; status: number } {
  if (!(err instanceof DomainError) || (err.code !== 'invalid-request' && err.code !== 'conflict')) throw err;
  const params = err.extra.invalidParams ?? [];
  const errors =
    params.length > 0
      ? params.map((p) => ({
          field: p.name.replace(/^\//, '').split('/')[0] || fallback,
          message: `${err.message} (${p.reason})`,
        }))
      : [{ field: fallback, message: err.message }];
  return { errors, status: err.code === 'conflict' ? 409 : 400 };
}
