import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { ensureDevPki } from '../../../../adapters/crypto/dev-pki.js';
import { demoPartners } from '../../../../gateway/bootstrap/demo-partners.js';
import { registerDemoPartners } from '../../../../gateway/bootstrap/register-demo-partners.js';
import { runCli } from '../../../../gateway/cli/knooppunt.js';
import { amsterdamDatum, plusDagen } from '../../../../gateway/rechten/termijnen/kalender.js';
import { createTestDatabase, type TestDatabase } from '../../../support/test-store.js';

const root = fileURLToPath(new URL('../../../../', import.meta.url));
let db: TestDatabase;
let dataDir: string;
let env: Record<string, string>;

async function cli(...argv: string[]): Promise<{ code: number; out: string[]; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { out: (l) => out.push(l), err: (l) => err.push(l), env });
  return { code, out, err: err.join('\n') };
}

const vandaag = amsterdamDatum(new Date());
async function request(id: string, uiterlijkOp: string, status = 'ontvangen'): Promise<void> {
  const now = new Date();
  await db.store.rechtenverzoeken.create({
    id,
    soort: 'inzage',
    bsnPseudoniem: `pseudo-${id}`,
    status,
    geregistreerdOp: now,
    ontvangstdatum: vandaag,
    uiterlijkOp,
    bepalendRegime: 'AVG',
    regimes: '["AVG"]',
    bronPartners: '[]',
    verlengingMaanden: 0,
    geregistreerdDoorPartner: 'zvh-demo',
    geregistreerdDoorActor: 'fg',
    identiteitMethode: 'digid',
    identiteitDoor: 'fg',
    identiteitOp: now,
    behandelaar: null,
    dataSleutel: 'unused',
    toelichtingVersleuteld: null,
    rectificatieVersleuteld: null,
    uitkomstCode: null,
    uitkomstVersleuteld: null,
    afgeslotenOp: status === 'afgehandeld' ? now : null,
  });
}

describe('knooppunt verzoeken termijnen', () => {
  before(async () => {
    db = await createTestDatabase();
    dataDir = mkdtempSync(join(tmpdir(), 'knooppunt-verzoeken-'));
    await registerDemoPartners(db.store, ensureDevPki(dataDir, demoPartners, new Date()).paths);
    env = { DATABASE_URL: db.url, KNOOPPUNT_DATA_DIR: dataDir };
  });
  after(async () => {
    await db.drop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('prints overdue requests first, then those due within the days asked, as a table, and exits 0', async () => {
    // Deadlines derived from today's calendar date in Amsterdam, whatever the date the test runs.
    await request('11111111-1111-4111-8111-111111111111', plusDagen(vandaag, 3));
    await request('22222222-2222-4222-8222-222222222222', plusDagen(vandaag, -5));
    await request('33333333-3333-4333-8333-333333333333', plusDagen(vandaag, 30));
    await request('44444444-4444-4444-8444-444444444444', plusDagen(vandaag, -9), 'afgehandeld');
    const { code, out, err } = await cli('verzoeken', 'termijnen', '--binnen', '7');
    assert.equal(code, 0, err);
    assert.match(out[0]!, /^ID\s+SOORT\s+STATUS\s+UITERLIJK\s+DAGEN\s+REGIME\s+BEHANDELAAR$/);
    assert.deepEqual(
      out.slice(1).map((l) => l.slice(0, 8)),
      ['22222222', '11111111'],
      'the overdue one, then the one due in 3 days; not the one due in 30 days, not the closed one',
    );
    assert.match(out[1]!, /-5 \(verlopen\)/);
  });

  it('refuses a bad --binnen with the usage and exit 2', async () => {
    const { code, err } = await cli('verzoeken', 'termijnen', '--binnen', 'veel');
    assert.equal(code, 2);
    assert.match(err, /knooppunt verzoeken termijnen/);
  });

  it('runs as `npx knooppunt verzoeken termijnen` on a database it creates itself (a fresh clone)', async () => {
    const fresh = mkdtempSync(join(tmpdir(), 'knooppunt-verzoeken-fresh-'));
    try {
      const ran = await new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) =>
        execFile(
          'npx',
          ['knooppunt', 'verzoeken', 'termijnen'],
          {
            cwd: root,
            env: {
              ...process.env,
              KNOOPPUNT_DATA_DIR: fresh,
              DATABASE_URL: `file:${join(fresh, 'k.db')}`,
              LOG_LEVEL: 'warn',
            },
            timeout: 60_000,
          },
          (error, stdout, stderr) =>
            resolve({ code: error ? (typeof error.code === 'number' ? error.code : null) : 0, stdout, stderr }),
        ),
      );
      assert.equal(ran.code, 0, ran.stderr);
      assert.match(ran.stdout, /^ID\s+SOORT/);
    } finally {
      rmSync(fresh, { recursive: true, force: true });
    }
  });
});
