import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import openapiTS, { astToString } from 'openapi-typescript';
import { contractPath, loadContract } from '../../../openapi/load-contract.js';

const generatedPath = new URL('../../../openapi/generated/knooppunt.ts', import.meta.url);

describe('the OpenAPI contract', () => {
  it('matches the committed generated types (run npm run api:types after editing the contract)', async () => {
    // Same options as `npm run api:types`: a property with a default stays optional for the client.
    const fresh = astToString(await openapiTS(new URL(`file://${contractPath}`), { defaultNonNullable: false }));
    const committed = readFileSync(generatedPath, 'utf8');
    assert.equal(normalise(committed), normalise(fresh));
  });

  it('gives every operation an operationId, a 2xx answer and problem details for errors', () => {
    const { document, operations } = loadContract();
    const paths = document.paths as Record<
      string,
      Record<string, { responses: Record<string, { content?: Record<string, unknown>; $ref?: string }> }>
    >;
    for (const op of operations) {
      const responses = paths[op.template]![op.method.toLowerCase()]!.responses;
      assert.ok(
        Object.keys(responses).some((s) => /^2/.test(s)),
        `${op.operationId} has no 2xx`,
      );
      for (const [status, response] of Object.entries(responses)) {
        if (/^[45]/.test(status))
          assert.ok(
            response.$ref?.startsWith('#/components/responses/') || response.content?.['application/problem+json'],
            `${op.operationId} ${status}`,
          );
      }
    }
  });
});

/** openapi-typescript writes a header comment; compare the code only. */
function normalise(source: string): string {
  return source.replace(/^\/\*\*[\s\S]*?\*\/\s*/, '').trim();
}
