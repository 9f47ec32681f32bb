import type { Contract } from './load-contract.js';

/** An operation's path relative to the base path, filled in from its template in the contract. */
export function contractPath(contract: Contract, operationId: string, params: Record<string, string> = {}): string {
  const op = contract.operations.find((o) => o.operationId === operationId);
  if (!op) throw new Error(`the contract has no operation ${operationId}`);
  return op.template.replace(/\{([^}]+)\}/g, (_m, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`${operationId} needs the path parameter ${name}`);
    return encodeURIComponent(value);
  });
}

/**
 * The URL path of an operation's resource, built from the contract's own template (for Location
 * headers and the like), so a path is written once: in the contract.
 */
export function contractUrl(contract: Contract, operationId: string, params: Record<string, string> = {}): string {
  return `${contract.basePath}${contractPath(contract, operationId, params)}`;
}
