import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { ensureDevPki } from '../../../../adapters/crypto/dev-pki.js';
import { demoPartners } from '../../../../gateway/bootstrap/demo-partners.js';
import { registerDemoPartners } from '../../../../gateway/bootstrap/register-demo-partners.js';
import { createTestDatabase, type TestDatabase } from '../../../support/test-store.js';

const root = fileURLToPath(new URL('../../../../', import.meta.url));

interface Ran {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs a program as a user would, from the project root, with the given configuration. */
function run(file: string, args: string[], env: Record<string, string>): Promise<Ran> {
  return new Promise((resolve) => {
    execFile(
      file,
      args,
      { cwd: root, env: { ...process.env, ...env, LOG_LEVEL: 'warn' }, timeout: 45_000 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : null) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

describe('the installed knooppunt command', () => {
  let db: TestDatabase;
  let dataDir: string;
  let env: Record<string, string>;

  before(async () => {
    db = await createTestDatabase();
    dataDir = mkdtempSync(join(tmpdir(), 'knooppunt-bin-'));
    await registerDemoPartners(db.store, ensureDevPki(dataDir, demoPartners, new Date()).paths);
    env = { DATABASE_URL: db.url, KNOOPPUNT_DATA_DIR: dataDir };
  });
  after(async () => {
    await db.drop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('prints its usage for `npx --no-install knooppunt help` and exits 0', async () => {
    const ran = await run('npx', ['--no-install', 'knooppunt', 'help'], env);
    assert.equal(ran.code, 0, `exit ${ran.code}, stderr: ${ran.stderr}`);
    assert.match(ran.stdout, /^knooppunt <command>/);
    assert.match(ran.stdout, /knooppunt partners <subcommand>\n {2}list/);
  });

  it('lists the registered partners for `npx knooppunt partners list`', async () => {
    const ran = await run('npx', ['knooppunt', 'partners', 'list'], env);
    assert.equal(ran.code, 0, `exit ${ran.code}, stderr: ${ran.stderr}`);
    assert.match(ran.stdout, /politie-demo\s+Politie eenheid Demo\s+politie\s+Wpg\s+00000099000000000003\s+actief/);
    assert.equal(ran.stdout.trim().split('\n').length, demoPartners.length + 1, 'a header and one line per partner');
  });

  it('runs through a symlink, as npm links node_modules/.bin/knooppunt in a project that depends on it', async () => {
    const binDir = mkdtempSync(join(tmpdir(), 'knooppunt-bin-link-'));
    try {
      const link = join(binDir, 'knooppunt');
      symlinkSync(join(root, 'bin', 'knooppunt.js'), link);
      const ran = await run(link, ['partners', 'list'], env);
      assert.equal(ran.code, 0, `exit ${ran.code}, stderr: ${ran.stderr}`);
      assert.match(ran.stdout, /politie-demo/);
    } finally {
      rmSync(binDir, { recursive: true, force: true });
    }
  });

  it('still runs when started on the TypeScript file itself (npm run knooppunt)', async () => {
    const ran = await run(process.execPath, ['--import', 'tsx', 'gateway/cli/knooppunt.ts', 'partners', 'list'], env);
    assert.equal(ran.code, 0, `exit ${ran.code}, stderr: ${ran.stderr}`);
    assert.match(ran.stdout, /politie-demo/);
  });

  it('exits 2 with the usage on stderr for an unknown command', async () => {
    const ran = await run(process.execPath, [join(root, 'bin', 'knooppunt.js'), 'bestaat-niet'], env);
    assert.equal(ran.code, 2, `exit ${ran.code}`);
    assert.match(ran.stderr, /knooppunt <command>/);
  });
});
