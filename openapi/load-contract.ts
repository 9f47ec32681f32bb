import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

export const contractPath = fileURLToPath(new URL('./knooppunt.yaml', import.meta.url));

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'] as const;

export interface ContractOperation {
  method: string;
  operationId: string;
  /** Path template relative to the base path, e.g. `/casussen/{id}`. */
  template: string;
  /** Whether the operation declares `security: []` (no partner identity needed). */
  public: boolean;
  /** Media types the operation's success responses offer. */
  produces: string[];
  /** Media types its request body may have (empty: no body). */
  consumes: string[];
  /** Path and query parameters whose schema is an integer (they arrive as text and are handed on as numbers). */
  integerParams: string[];
}

export interface Contract {
  document: Record<string, unknown>;
  version: string;
  basePath: string;
  operations: ContractOperation[];
}

interface ParameterObject {
  $ref?: string;
  name?: string;
  in?: string;
  schema?: { type?: string };
}

interface OperationObject {
  operationId?: string;
  parameters?: ParameterObject[];
  security?: unknown[];
  responses?: Record<string, { content?: Record<string, unknown> }>;
  requestBody?: { content?: Record<string, unknown> };
}

/** Reads the OpenAPI document — the source of truth — once, with what the edge needs to route by it. */
export function loadContract(path = contractPath): Contract {
  const document = parse(readFileSync(path, 'utf8')) as Record<string, unknown> & {
    info: { version: string };
    servers: { url: string }[];
    paths: Record<string, Record<string, OperationObject> & { parameters?: ParameterObject[] }>;
    components?: { parameters?: Record<string, ParameterObject> };
  };
  const resolve = (p: ParameterObject) =>
    p.$ref ? (document.components?.parameters?.[p.$ref.split('/').pop()!] ?? {}) : p;
  // The server URL is relative (`/api/v1`) so generated clients work behind any host; resolve it anyway.
  const basePath = new URL(document.servers[0]!.url, 'https://localhost').pathname.replace(/\/$/, '');
  const operations: ContractOperation[] = [];
  for (const [template, item] of Object.entries(document.paths)) {
    for (const method of METHODS) {
      const op = item[method];
      if (!op?.operationId) continue;
      const produces = Object.entries(op.responses ?? {})
        .filter(([status]) => /^[23]/.test(status))
        .flatMap(([, r]) => Object.keys(r.content ?? {}));
      const consumes = Object.keys(op.requestBody?.content ?? {});
      const integerParams = [...(item.parameters ?? []), ...(op.parameters ?? [])]
        .map(resolve)
        .filter((p) => (p.in === 'path' || p.in === 'query') && p.schema?.type === 'integer')
        .map((p) => p.name!);
      operations.push({
        method: method.toUpperCase(),
        operationId: op.operationId,
        template,
        public: Array.isArray(op.security) && op.security.length === 0,
        produces,
        consumes,
        integerParams,
      });
    }
  }
  return { document, version: document.info.version, basePath, operations };
}
