/**
 * `npm test`: runs the unit, HTTP and browser test files in a seeded random order, so a test that only passes
 * after another one is found instead of hidden by alphabetical order. The seed is printed first and
 * last; `TEST_SEED=<seed> npm test` repeats an order. Paths given as arguments narrow the run
 * (`npm test -- test/http`).
 *
 * Timeouts: every test gets TEST_TIMEOUT_MS (default 60 s, see test-timeout.ts): the slowest honest
 * test here (issuing RSA certificates, verifying a ledger on worker threads) takes about 20 s on a busy
 * 2-core machine, so 60 s is three times that while a hang still fails within a minute. Hooks, which
 * build databases and PKIs, get three times as long (TEST_HOOK_TIMEOUT_MS). Node 20's own --test-timeout only times whole files; it is set to 10 minutes as a
 * backstop, and --test-force-exit ends a file whose timed-out test left a timer or socket behind.
 */
import { spawn } from 'node:child_process';
import { readdirSync, realpathSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** Every *.test.ts file under `dir`, as a path relative to the project root. */
function testFiles(dir: string): string[] {
  const abs = join(root, dir);
  if (statSync(abs).isFile()) return [relative(root, abs)];
  return readdirSync(abs, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? testFiles(join(dir, e.name)) : e.name.endsWith('.test.ts') ? [join(dir, e.name)] : [],
  );
}

/** mulberry32: a small, well-mixed 32-bit PRNG, enough to shuffle files reproducibly. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Fisher–Yates with the seeded generator. */
export function shuffle<T>(items: readonly T[], seed: number): T[] {
  const out = [...items];
  const next = random(seed);
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

function seedFromEnv(): number {
  const given = process.env.TEST_SEED;
  if (given === undefined || given === '') return Math.floor(Math.random() * 2 ** 32);
  const seed = Number(given);
  if (!Number.isInteger(seed) || seed < 0 || seed >= 2 ** 32) {
    console.error(`TEST_SEED must be an integer from 0 to 2^32-1, got ${given}`);
    process.exit(2);
  }
  return seed;
}

if (process.argv[1] && fileURLToPath(import.meta.url) !== realpathSync(process.argv[1])) {
  // Imported (by its own test, for `shuffle`): do not run the suite.
} else run();

function run(): void {
  const seed = seedFromEnv();
  const roots = process.argv.slice(2).length
    ? process.argv.slice(2)
    : ['test/unit', 'test/http', 'test/cluster', 'test/browser'];
  const files = shuffle(roots.flatMap(testFiles).sort(), seed);
  const timeoutMs = process.env.TEST_TIMEOUT_MS ?? '60000';
  const banner = `test order seed ${seed} (repeat this order: TEST_SEED=${seed} npm test), ${files.length} files, ${timeoutMs} ms per test`;
  console.log(banner);
  files.forEach((f, i) => console.log(`  ${String(i + 1).padStart(2)}. ${f}`));

  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      '--import',
      './test/support/test-timeout.ts',
      '--test',
      '--test-force-exit',
      '--test-timeout=600000',
      '--test-reporter=spec',
      ...files,
    ],
    { cwd: root, stdio: 'inherit', env: { ...process.env, TEST_TIMEOUT_MS: timeoutMs } },
  );
  child.on('exit', (code, signal) => {
    console.log(`\n${banner}`);
    process.exit(code ?? (signal ? 1 : 0));
  });
}
