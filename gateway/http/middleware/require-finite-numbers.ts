import type { RequestHandler } from 'express';
import type { Contract } from '../../../openapi/load-contract.js';
import { DomainError } from '../../errors/domain-error.js';

interface ParameterObject {
  name?: string;
  in?: string;
  $ref?: string;
  schema?: { type?: unknown };
}

const METHODS = ['get', 'put', 'post', 'delete', 'patch'];
/** Decimal digits only, as the contract's integers are written in a path or query. */
const DECIMAL = /^-?[0-9]+(\.[0-9]+)?$/;

function numericParameters(contract: Contract): Map<string, { in: string; name: string }[]> {
  const doc = contract.document as {
    paths: Record<string, Record<string, { parameters?: ParameterObject[] }> & { parameters?: ParameterObject[] }>;
    components?: { parameters?: Record<string, ParameterObject> };
  };
  const resolve = (p: ParameterObject) => (p.$ref ? (doc.components?.parameters?.[p.$ref.split('/').pop()!] ?? {}) : p);
  const byOperation = new Map<string, { in: string; name: string }[]>();
  for (const [template, item] of Object.entries(doc.paths)) {
    for (const method of METHODS) {
      const op = item[method];
      if (!op) continue;
      const numeric = [...(item.parameters ?? []), ...(op.parameters ?? [])]
        .map(resolve)
        .filter((p) => p.name && (p.in === 'path' || p.in === 'query'))
        .filter((p) => p.schema?.type === 'integer' || p.schema?.type === 'number')
        .map((p) => ({ in: p.in!, name: p.name! }));
      byOperation.set(`${method.toUpperCase()} ${template}`, numeric);
    }
  }
  return byOperation;
}

function pathSegment(segment: string | undefined): string {
  try {
    return decodeURIComponent(segment ?? '');
  } catch {
    return segment ?? ''; // malformed escapes are not digits either
  }
}

/**
 * Numbers in a path or query must be written in decimal digits. The validator (Ajv with type coercion)
 * turns `Infinity` or `1e400` into Infinity and then skips `maximum`, so such a value reached handlers
 * and failed there with a 500; here it is a 400 naming the parameter, like any other contract violation.
 */
export function requireFiniteNumbers(contract: Contract): RequestHandler {
  const byOperation = numericParameters(contract);
  return (req, res, next) => {
    const op = res.locals.operation;
    const numeric = byOperation.get(`${op.method} ${op.template}`) ?? [];
    const relative = req.path.slice(contract.basePath.length).split('/');
    const templateParts = op.template.split('/');
    for (const p of numeric) {
      const raw = p.in === 'query' ? req.query[p.name] : pathSegment(relative[templateParts.indexOf(`{${p.name}}`)]);
      if (raw === undefined || (typeof raw === 'string' && DECIMAL.test(raw))) continue;
      const reason = 'moet een getal in decimale cijfers zijn';
      throw new DomainError('invalid-request', 'Het verzoek voldoet niet aan het contract.', {
        invalidParams: [{ name: `/${p.in === 'path' ? 'params' : 'query'}/${p.name}`, reason }],
      });
    }
    next();
  };
}
