import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { ensureDevPki } from '../../../../adapters/crypto/dev-pki.js';
import { loadImportProfile } from '../../../../adapters/partner-formats/import-profile.js';
import { readRows } from '../../../../adapters/partner-formats/read-rows.js';
import { demoPartners } from '../../../../gateway/bootstrap/demo-partners.js';
import { registerDemoPartners } from '../../../../gateway/bootstrap/register-demo-partners.js';
import { runCli } from '../../../../gateway/cli/knooppunt.js';
import { createTestDatabase, type TestDatabase } from '../../../support/test-store.js';

let db: TestDatabase;
let dir: string;
const header =
  'Dossiernummer;BSN;Voornamen;Tussenvoegsel;Achternaam;Geboortedatum;Postcode;Relatie tot hoofdpersoon;Reden melding;Leefgebieden;Signalen';

describe('knooppunt import', () => {
  before(async () => {
    db = await createTestDatabase();
    dir = mkdtempSync(join(tmpdir(), 'import-'));
    await registerDemoPartners(db.store, ensureDevPki(dir, demoPartners, new Date()).paths);
  });
  after(async () => {
    await db.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  const run = async (file: string) => {
    const out: string[] = [];
    const err: string[] = [];
    const code = await runCli(['import', '--partner', 'gemeente-demo', file], {
      out: (l) => out.push(l),
      err: (l) => err.push(l),
      env: { DATABASE_URL: db.url, KNOOPPUNT_DATA_DIR: dir },
    });
    return { code, out: out.join('\n'), err: err.join('\n') };
  };

  it('imports the good dossiers and reports every rejected row with its reason', async () => {
    const file = join(dir, 'gemengd.csv');
    writeFileSync(
      file,
      [
        header,
        'D1;;Els;;Bos;01-02-1960;1234 AB;;Eenzaamheid;emotioneel-welzijn;',
        'D2;;Jan;;Mol;31-02-1970;;;Schulden;inkomen-en-omgaan-met-geld;',
        'D3;123456789;Piet;;Dijk;01-01-1980;;;Overlast;huisvesting-en-wonen;overlast',
        'D4;;Kees;;Berg;01-01-1990;;;Iets;sterrenkunde;',
        'D5;;Ria;;Wit;02-02-1962;;;Zorg;emotioneel-welzijn;',
        'D5;;Tom;;Wit;03-03-1992;;neef;;;',
      ].join('\n'),
    );
    const { code, out, err } = await run(file);
    assert.equal(code, 1);
    assert.match(out, /6 rijen in 5 dossiers: 1 aangemeld, 0 al eerder geïmporteerd, 5 rijen geweigerd/);
    assert.match(out, /rij 3 \(dossier D2\): datum "31-02-1970" bestaat niet/);
    assert.match(out, /rij 4 \(dossier D3\): .*\/betrokkenen\/0\/bsn: geen geldig BSN/);
    assert.match(out, /rij 5 \(dossier D4\): onbekend leefgebied sterrenkunde/);
    assert.match(out, /rij 6 \(dossier D5\): .*onbekende relatie "neef"/);
    assert.match(out, /rij 7 \(dossier D5\)/);
    assert.match(err, /rij 6\/6/);
    assert.equal(await db.store.db.casus.count(), 1);
    const casus = (await db.store.db.casus.findFirst({ select: { id: true } }))!.id;
    assert.match(out, new RegExp(`dossier D1: casus ${casus}`), 'the report names the created casus');
  });

  it('rejects a malformed row with its line and goes on, without a stack trace', async () => {
    const file = join(dir, 'kapot.csv');
    writeFileSync(
      file,
      [
        header,
        'K1;;Ans;;Kort;01-02-1961;;;Reden;emotioneel-welzijn',
        'K2;;Bas;;Goed;01-02-1962;;;Reden;emotioneel-welzijn;',
      ].join('\n'),
    );
    const { out, err } = await run(file);
    assert.match(out, /rij 2 \(dossier K1\): rij 2: het aantal kolommen klopt niet/);
    assert.match(out, /dossier K2: casus [0-9a-f-]{36}/);
    assert.doesNotMatch(`${out}\n${err}`, /\n\s+at /, 'no stack trace');
  });

  it('reads the same data from a JSON export', () => {
    const profile = { ...loadImportProfile('gemeente-demo'), formaat: 'json' as const };
    const rows = readRows(
      JSON.stringify([{ Dossiernummer: 'J1', Achternaam: 'Vos', Geboortedatum: '05-05-1955' }]),
      profile,
    );
    assert.deepEqual(rows, [
      { rij: 1, values: { Dossiernummer: 'J1', Achternaam: 'Vos', Geboortedatum: '05-05-1955' } },
    ]);
  });

  it('refuses an unknown partner and a partner without a profile', async () => {
    const file = join(dir, 'leeg.csv');
    writeFileSync(file, `${header}\n`);
    const out: string[] = [];
    const err: string[] = [];
    const code = await runCli(['import', '--partner', 'politie-demo', file], {
      out: (l) => out.push(l),
      err: (l) => err.push(l),
      env: { DATABASE_URL: db.url, KNOOPPUNT_DATA_DIR: dir },
    }).catch((e: Error) => (err.push(e.message), 99));
    assert.notEqual(code, 0);
    assert.match(err.join('\n'), /geen importprofiel voor politie-demo/);
  });
});
