import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { ensureDevPki } from '../../../../adapters/crypto/dev-pki.js';
import { demoPartners } from '../../../../gateway/bootstrap/demo-partners.js';
import { registerDemoPartners } from '../../../../gateway/bootstrap/register-demo-partners.js';
import { runCli } from '../../../../gateway/cli/knooppunt.js';
import { tokenHash } from '../../../../gateway/web/secret-token.js';
import { createTestDatabase, type TestDatabase } from '../../../support/test-store.js';

let db: TestDatabase;
let dataDir: string;
let env: Record<string, string>;

async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { out: (l) => out.push(l), err: (l) => err.push(l), env });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('knooppunt medewerkers', () => {
  before(async () => {
    db = await createTestDatabase();
    dataDir = mkdtempSync(join(tmpdir(), 'knooppunt-cli-mw-'));
    await registerDemoPartners(db.store, ensureDevPki(dataDir, demoPartners, new Date()).paths);
    env = { DATABASE_URL: db.url, KNOOPPUNT_DATA_DIR: dataDir };
  });
  after(async () => {
    await db.drop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('invites an employee with a one-time link whose token is stored only as a hash', async () => {
    const { code, out } = await cli(
      'medewerkers',
      'uitnodigen',
      '--partner',
      'gemeente-demo',
      '--rol',
      'ketenmanager',
      '--naam',
      'Kim de Vries',
      '--oidc-sub',
      'kim.dv',
    );
    assert.equal(code, 0, out);
    const token = /\/uitnodiging\/([A-Za-z0-9_-]{43})/.exec(out)?.[1];
    assert.ok(token, `the link is printed: ${out}`);
    const holder = await db.store.medewerkers.invitationHolder(tokenHash(token), new Date());
    assert.ok(holder, 'the hash of the printed token finds the invitation');
    assert.equal((await db.store.medewerkers.byOidcSubject('kim.dv'))?.id, holder, 'the OIDC subject is linked');
    assert.equal(await db.store.medewerkers.redeemInvitation(tokenHash(token), new Date()), holder, 'used once');
    assert.equal(await db.store.medewerkers.redeemInvitation(tokenHash(token), new Date()), null, 'never twice');
  });

  it('refuses a ZVH-only role for another partner, and an unknown role', async () => {
    const zvhOnly = await cli(
      'medewerkers',
      'uitnodigen',
      '--partner',
      'politie-demo',
      '--rol',
      'procesregisseur',
      '--naam',
      'X',
    );
    assert.equal(zvhOnly.code, 1, 'refused');
    assert.match(zvhOnly.err, /Zorg- en Veiligheidshuis/, zvhOnly.err);
    const unknown = await cli(
      'medewerkers',
      'uitnodigen',
      '--partner',
      'politie-demo',
      '--rol',
      'koning',
      '--naam',
      'Y',
    );
    assert.equal(unknown.code, 1, 'refused');
  });
});
