import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadContract } from '../../../openapi/load-contract.js';

type Response = { $ref?: string; headers?: Record<string, unknown> };

describe('the contract and an unavailable database', () => {
  const { document, operations } = loadContract();
  const paths = document.paths as Record<string, Record<string, { responses: Record<string, Response> }>>;
  const components = (document.components as { responses: Record<string, Response> }).responses;

  it('declares 503 on every operation: with N processes on one database, any of them can meet it down', () => {
    const missing = operations
      .filter((op) => paths[op.template]![op.method.toLowerCase()]!.responses['503'] === undefined)
      .map((op) => op.operationId);
    assert.deepEqual(missing, [], 'operations without a 503 answer');
  });

  it('says in every 503 when to try again (Retry-After)', () => {
    for (const op of operations) {
      let answer = paths[op.template]![op.method.toLowerCase()]!.responses['503']!;
      if (answer.$ref) answer = components[answer.$ref.split('/').pop()!]!;
      assert.ok(answer.headers?.['Retry-After'], `${op.operationId}: 503 without Retry-After`);
    }
  });
});
