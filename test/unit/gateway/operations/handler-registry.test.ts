import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { operationHandlers } from '../../../../gateway/operations/index.js';
import { loadContract } from '../../../../openapi/load-contract.js';

describe('the operation handlers', () => {
  const contractIds = loadContract()
    .operations.map((o) => o.operationId)
    .sort();
  const handlerIds = Object.keys(operationHandlers).sort();

  it('serve every operation of the contract', () => {
    const missing = contractIds.filter((id) => !handlerIds.includes(id));
    assert.deepEqual(missing, [], `every contract operation has a handler; missing: ${missing.join(', ')}`);
  });

  it('serve nothing the contract does not declare', () => {
    const extra = handlerIds.filter((id) => !contractIds.includes(id));
    assert.deepEqual(extra, [], `every handler belongs to a contract operation; extra: ${extra.join(', ')}`);
  });

  it('are one per operation, in a file named after its operationId', async () => {
    const { readdirSync } = await import('node:fs');
    const root = new URL('../../../../gateway/operations/', import.meta.url);
    // Handlers live one folder down (by tag); helpers there are kebab-case, so they do not count.
    const files = readdirSync(root, { recursive: true, encoding: 'utf8' })
      .map((f) => /^[a-z]+\/([a-z][A-Za-z]+)\.ts$/.exec(f)?.[1])
      .filter((f) => f !== undefined)
      .sort();
    assert.deepEqual(files, contractIds, 'gateway/operations/<tag>/<operationId>.ts exists exactly for each operation');
  });
});
