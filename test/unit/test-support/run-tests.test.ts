import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { shuffle } from '../../support/run-tests.js';

const root = fileURLToPath(new URL('../../..', import.meta.url));

function runTests(args: string[], env: Record<string, string>): Promise<{ code: number; out: string }> {
  // Without NODE_TEST_CONTEXT, which would make the inner runner report to this one instead of printing.
  const { NODE_TEST_CONTEXT: _, ...outer } = process.env;
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', 'test/support/run-tests.ts', ...args],
      { cwd: root, env: { ...outer, ...env }, timeout: 50_000 },
      (error, stdout, stderr) =>
        resolve({ code: typeof error?.code === 'number' ? error.code : error ? -1 : 0, out: stdout + stderr }),
    );
  });
}

describe('the test runner (npm test)', () => {
  it('shuffles the same way for the same seed, and differently for another', () => {
    const files = Array.from({ length: 20 }, (_, i) => `f${i}`);
    assert.deepEqual(shuffle(files, 42), shuffle(files, 42));
    assert.notDeepEqual(shuffle(files, 42), shuffle(files, 43));
    assert.deepEqual(shuffle(files, 42).sort(), [...files].sort(), 'a shuffle keeps every file once');
  });

  it('prints the seed it used, and uses TEST_SEED when given', async () => {
    const ran = await runTests(['test/unit/policies/decide.test.ts'], { TEST_SEED: '12345' });
    assert.equal(ran.code, 0, ran.out);
    assert.match(ran.out, /test order seed 12345 \(repeat this order: TEST_SEED=12345 npm test\)/);
  });

  it('fails a test or hook that hangs within its timeout, names it, and goes on with the next', async () => {
    const started = Date.now();
    const ran = await runTests(['test/fixtures/hanging-test.fixture.ts'], {
      TEST_TIMEOUT_MS: '1000',
      TEST_HOOK_TIMEOUT_MS: '1000',
    });
    assert.notEqual(ran.code, 0, 'a timed-out test fails the run');
    assert.match(ran.out, /✖ waits for an event that never comes/);
    assert.match(ran.out, /test timed out after 1000ms/);
    assert.match(ran.out, /✔ still runs after the hanging one/);
    assert.match(ran.out, /✖ a suite whose hook hangs/, 'a hanging before() hook times out too');
    assert.match(ran.out, /✔ saw the file-level before hook run first/, 'hooks still run, in order');
    assert.ok(Date.now() - started < 30_000, `took ${Date.now() - started} ms`);
  });
});
