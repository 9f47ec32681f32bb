import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { dataProtection } from '../../../../adapters/crypto/data-protection.js';
import { ensureDevPki } from '../../../../adapters/crypto/dev-pki.js';
import { createLedger } from '../../../../adapters/ledger/ledger.js';
import { openLedgerStorage } from '../../../../adapters/ledger/open-ledger-storage.js';
import { demoPartners } from '../../../../gateway/bootstrap/demo-partners.js';
import { registerDemoPartners } from '../../../../gateway/bootstrap/register-demo-partners.js';
import { covenantRegistry } from '../../../../gateway/covenant/covenant-registry.js';
import { defaultCovenantDir } from '../../../../gateway/covenant/record-covenant-version.js';
import { DISCLOSURE_LOG } from '../../../../gateway/disclosure/log-id.js';
import { createImportTaak } from '../../../../gateway/import/import-taak.js';
import { IMPORT_LEASE_MS, onderbrokenImportTaken, runImportTaak } from '../../../../gateway/import/run-import-taak.js';
import { importRows } from '../../../../gateway/intake/import-file.js';
import { loadImportProfile } from '../../../../adapters/partner-formats/import-profile.js';
import { readRows } from '../../../../adapters/partner-formats/read-rows.js';
import { createLogger } from '../../../../gateway/logging/create-logger.js';
import { useCaseDeps, type UseCaseDeps } from '../../../../gateway/use-case-deps.js';
import { createTestDatabase, type TestDatabase } from '../../../support/test-store.js';

const header =
  'Dossiernummer;BSN;Voornamen;Tussenvoegsel;Achternaam;Geboortedatum;Postcode;Relatie tot hoofdpersoon;Reden melding;Leefgebieden;Signalen';
const csv = [
  header,
  'H1;;Ans;;Een;01-02-1961;;;Reden;emotioneel-welzijn;',
  'H2;;Bas;;Twee;01-02-1962;;;Reden;emotioneel-welzijn;',
  'H2;;Cor;;Twee;01-02-1992;;kind;;;',
].join('\n');

describe('runImportTaak after a crash', () => {
  let db: TestDatabase;
  let dir: string;
  let deps: UseCaseDeps;
  const stop: (() => unknown)[] = [];
  before(async () => {
    db = await createTestDatabase();
    dir = mkdtempSync(join(tmpdir(), 'import-taak-'));
    await registerDemoPartners(db.store, ensureDevPki(dir, demoPartners, new Date()).paths);
    const clock = { now: () => new Date() };
    const covenants = covenantRegistry(defaultCovenantDir, { logger: createLogger('silent'), clock });
    const ledger = createLedger(openLedgerStorage(db.url), DISCLOSURE_LOG);
    stop.push(
      () => covenants.stop(),
      () => ledger.close(),
    );
    deps = useCaseDeps({ store: db.store, dp: dataProtection(Buffer.alloc(32, 7)), covenants, clock, ledger });
  });
  after(async () => {
    for (const s of stop) await s();
    await db.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('resumes an interrupted task without importing a household twice, and reports both casus ids', async () => {
    const caller = {
      partner: { id: 'gemeente-demo', soort: 'gemeente' },
      actor: { id: 'import', rol: 'systeem' as const },
    };
    const id = await createImportTaak(deps, caller, { profiel: 'gemeente-demo', formaat: 'csv', tekst: csv });
    // The crash: the first household went in, then the process died with the task marked running.
    const profile = loadImportProfile('gemeente-demo');
    await importRows(deps, caller, profile, readRows(csv, profile).slice(0, 1), (c) => `/casussen/${c}`);
    const crashed = new Date(Date.now() - IMPORT_LEASE_MS - 1000);
    assert.equal(await db.store.importen.claim(id, crashed, crashed), true, 'its process had taken it');
    assert.equal(await db.store.db.casus.count(), 1);

    assert.deepEqual(await onderbrokenImportTaken(deps, new Date()), [id], 'silent past the lease: interrupted');
    await runImportTaak(deps, id, (c) => `/casussen/${c}`);
    const taak = await db.store.importen.findById(id);
    assert.equal(taak?.status, 'klaar');
    assert.equal(taak?.inhoud, null, 'the file is removed once done');
    assert.equal(taak?.aangemaakt, 1, 'only H2 is new');
    assert.equal(taak?.bijgewerkt, 1, 'H1 was in already');
    assert.equal(await db.store.db.casus.count(), 2, 'no household twice');
    assert.deepEqual(await onderbrokenImportTaken(deps, new Date()), [], 'nothing left to resume');
  });

  it('leaves a task to the run that holds it: a second run while the first still writes does nothing', async () => {
    const caller = {
      partner: { id: 'gemeente-demo', soort: 'gemeente' },
      actor: { id: 'import', rol: 'systeem' as const },
    };
    const id = await createImportTaak(deps, caller, { profiel: 'gemeente-demo', formaat: 'csv', tekst: csv });
    const now = new Date();
    assert.equal(await db.store.importen.claim(id, now, new Date(now.getTime() - IMPORT_LEASE_MS)), true, 'taken');
    assert.equal(
      await db.store.importen.claim(id, now, new Date(now.getTime() - IMPORT_LEASE_MS)),
      false,
      'not taken twice within the lease',
    );
    const before = await db.store.db.casus.count();
    assert.equal(await runImportTaak(deps, id, (c) => `/casussen/${c}`), undefined, 'the second run backs off');
    assert.equal(await db.store.db.casus.count(), before, 'and imports nothing');
    assert.equal((await db.store.importen.findById(id))?.status, 'bezig', 'the task stays with the first run');
    assert.deepEqual(await onderbrokenImportTaken(deps, now), [], 'and is not taken for interrupted');
  });

  it('records its own words when a run fails, never an error text that may quote the file', async () => {
    const caller = {
      partner: { id: 'gemeente-demo', soort: 'gemeente' },
      actor: { id: 'import', rol: 'systeem' as const },
    };
    const id = await createImportTaak(deps, caller, { profiel: 'gemeente-demo', formaat: 'csv', tekst: csv });
    const quoting = () => {
      throw new TypeError('unexpected value "MARKER-Ans Een 01-02-1961" in row 2');
    };
    assert.equal(await runImportTaak(deps, id, (c) => `/casussen/${c}`, quoting), undefined);
    const taak = await db.store.importen.findById(id);
    assert.equal(taak?.status, 'mislukt');
    assert.equal(taak?.fout, 'het bestand kon niet worden verwerkt', 'a fixed text, not the thrown one');
    assert.equal(taak?.inhoud, null, 'and the file is gone');
  });

  it('leaves a task running, to be taken up again, when the database went away mid-run', async () => {
    const caller = {
      partner: { id: 'gemeente-demo', soort: 'gemeente' },
      actor: { id: 'import', rol: 'systeem' as const },
    };
    const id = await createImportTaak(deps, caller, { profiel: 'gemeente-demo', formaat: 'csv', tekst: csv });
    const gone = () => {
      throw Object.assign(new Error('Connection terminated unexpectedly'), { name: 'Error' });
    };
    await assert.rejects(
      runImportTaak(deps, id, (c) => `/casussen/${c}`, gone),
      /Connection terminated/,
    );
    const taak = await db.store.importen.findById(id);
    assert.equal(taak?.status, 'bezig', 'not marked failed for good: the job is retried or the sweep finds it');
    assert.notEqual(taak?.inhoud, null, 'the file is kept for the next run');
  });
});
