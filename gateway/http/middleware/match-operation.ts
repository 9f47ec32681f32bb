import type { RequestHandler } from 'express';
import type { Contract, ContractOperation } from '../../../openapi/load-contract.js';
import { DomainError } from '../../errors/domain-error.js';

interface CompiledPath {
  template: string;
  pattern: RegExp;
  byMethod: Map<string, ContractOperation>;
}

function compile(contract: Contract): CompiledPath[] {
  const paths = new Map<string, CompiledPath>();
  for (const op of contract.operations) {
    let entry = paths.get(op.template);
    if (!entry) {
      const source = op.template
        .split('/')
        .map((segment) =>
          /^\{.+\}$/.test(segment)
            ? `(?<${segment.slice(1, -1)}>[^/]+)`
            : segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'),
        )
        .join('/');
      entry = { template: op.template, pattern: new RegExp(`^${source}$`), byMethod: new Map() };
      paths.set(op.template, entry);
    }
    entry.byMethod.set(op.method, op);
  }
  // Literal paths before templated ones, so `/casussen/zoeken` wins over `/casussen/{id}`.
  return [...paths.values()].sort((a, b) => a.template.split('{').length - b.template.split('{').length);
}

/** The path parameters as the contract names them, percent-decoded once (as Express would). */
function decodeParams(groups: Record<string, string>): Record<string, string> {
  try {
    return Object.fromEntries(Object.entries(groups).map(([name, raw]) => [name, decodeURIComponent(raw)]));
  } catch {
    throw new DomainError('invalid-request', 'Het pad bevat een ongeldige codering.');
  }
}

/**
 * Routes by the contract before anything else runs: a path it does not declare is a 404, a method it
 * does not declare on a known path is a 405 with `Allow`. So no handler can exist outside the contract.
 * The path parameters come from the matched template, so no route string is ever written twice.
 */
export function matchOperation(contract: Contract): RequestHandler {
  const compiled = compile(contract);
  return (req, res, next) => {
    const path = req.path;
    if (!path.startsWith(`${contract.basePath}/`)) throw new DomainError('not-found', 'Deze resource bestaat niet.');
    const relative = path.slice(contract.basePath.length);
    const entry = compiled.find((c) => c.pattern.test(relative));
    if (!entry) throw new DomainError('not-found', 'Deze resource bestaat niet.');
    const groups = entry.pattern.exec(relative)!.groups ?? {};
    const method = req.method === 'HEAD' ? 'GET' : req.method;
    const op = entry.byMethod.get(method);
    if (!op) {
      throw new DomainError('method-not-allowed', `${req.method} is hier niet toegestaan.`, {
        allow: [...entry.byMethod.keys()],
      });
    }
    res.locals.ctx.operationId = op.operationId;
    res.locals.ctx.route = `${contract.basePath}${op.template}`;
    res.locals.operation = op;
    res.locals.pathParams = decodeParams(groups);
    next();
  };
}

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace Express {
    interface Locals {
      operation: ContractOperation;
      /** Path parameters captured from the matched contract template, e.g. `{ casusId: '…' }`. */
      pathParams: Record<string, string>;
    }
  }
}
