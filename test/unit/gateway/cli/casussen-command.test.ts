import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { runCli } from '../../../../gateway/cli/knooppunt.js';
import { createTestDatabase, type TestDatabase } from '../../../support/test-store.js';

let db: TestDatabase;
let dataDir: string;

async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const env = { DATABASE_URL: db.url, KNOOPPUNT_DATA_DIR: dataDir };
  const code = await runCli(argv, { out: (l) => out.push(l), err: (l) => err.push(l), env });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('knooppunt casussen signalen', () => {
  before(async () => {
    db = await createTestDatabase();
    dataDir = mkdtempSync(join(tmpdir(), 'knooppunt-cli-'));
    const long = new Date(Date.now() - 90 * 24 * 60 * 60 * 1000);
    await db.store.casussen.create({
      id: 'c1',
      soort: 'persoon',
      gemeente: 'Demostad',
      reden: 'x',
      codeRood: false,
      leefgebieden: '[]',
      signalen: '[]',
      aanmelderId: 'p1',
      aangemaaktOp: long,
    });
    await db.store.plan.addInterventie({
      id: 'i1',
      casusId: 'c1',
      eigenaarPartnerId: 'p1',
      leefgebied: 'huisvesting-en-wonen',
      titel: 'Woonbegeleiding',
      deadline: long,
      status: 'gepland',
      aangemaaktOp: long,
      laatsteVoortgangOp: null,
    });
  });
  after(async () => {
    await db.drop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('raises the overdue intervention once, and nothing on a second run', async () => {
    const first = await cli('casussen', 'signalen');
    assert.equal(first.code, 0, first.err);
    assert.match(first.out, /^1 signalen opgeworpen, 0 geëscaleerd/);
    const second = await cli('casussen', 'signalen');
    assert.match(second.out, /^0 signalen opgeworpen, 0 geëscaleerd/);
  });

  it('refuses a period that is not a whole number of days with exit code 2', async () => {
    const res = await cli('casussen', 'signalen', '--escalatie-dagen', 'veel');
    assert.equal(res.code, 2);
    assert.match(res.err, /knooppunt casussen signalen/);
  });
});
