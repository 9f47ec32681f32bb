/**
 * Preloaded by the test runner (`--import`): gives every test and hook a default timeout, so a test that
 * awaits something that never comes fails in seconds, named, instead of hanging the suite. Node 20's
 * `--test-timeout` times whole files, not tests, so the default is set here: `node:test`'s exports are
 * wrapped and `syncBuiltinESMExports` makes `import { it } from 'node:test'` see the wrapped versions.
 * A test may still pass its own `{ timeout }`. TEST_TIMEOUT_MS / TEST_HOOK_TIMEOUT_MS override the defaults.
 */
import { createRequire, syncBuiltinESMExports } from 'node:module';

const require = createRequire(import.meta.url);
const nodeTest = require('node:test') as Record<string, unknown>;

export const testTimeoutMs = Number(process.env.TEST_TIMEOUT_MS ?? 60_000);
/**
 * Hooks do the heavy set-up (a database, a dev PKI, the first request that compiles the contract's
 * validators), which on a loaded machine took over 60 s once: they get three times as long.
 */
export const hookTimeoutMs = Number(process.env.TEST_HOOK_TIMEOUT_MS ?? 3 * testTimeoutMs);

type Registrar = (...args: unknown[]) => unknown;

/** Adds `{ timeout }` to a test (`it(name?, options?, fn?)`) unless it brings its own. */
function testWithDefaultTimeout(register: Registrar): Registrar {
  const wrapped = function (this: unknown, ...args: unknown[]) {
    const optionsAt = args.findIndex((a) => typeof a === 'object' && a !== null);
    if (optionsAt >= 0) {
      const options = args[optionsAt] as { timeout?: number };
      if (options.timeout === undefined) args[optionsAt] = { ...options, timeout: testTimeoutMs };
    } else {
      const fnAt = args.findIndex((a) => typeof a === 'function');
      args.splice(fnAt >= 0 ? fnAt : args.length, 0, { timeout: testTimeoutMs });
    }
    return register.apply(this, args);
  };
  // it.skip, it.only, it.todo … keep working.
  return Object.assign(wrapped, register);
}

/** Adds `{ timeout }` to a hook (`before(fn, options?)`) unless it brings its own. */
function hookWithDefaultTimeout(register: Registrar): Registrar {
  return function (this: unknown, ...[fn, options]: unknown[]) {
    const own = (options ?? {}) as { timeout?: number };
    return register.call(this, fn, { ...own, timeout: own.timeout ?? hookTimeoutMs });
  };
}

for (const name of ['it', 'test']) nodeTest[name] = testWithDefaultTimeout(nodeTest[name] as Registrar);
for (const name of ['before', 'after', 'beforeEach', 'afterEach'])
  nodeTest[name] = hookWithDefaultTimeout(nodeTest[name] as Registrar);
syncBuiltinESMExports();
