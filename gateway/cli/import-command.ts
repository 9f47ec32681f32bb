import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { dataProtection, loadMasterKey } from '../../adapters/crypto/data-protection.js';
import { createLedger } from '../../adapters/ledger/ledger.js';
import { openLedgerStorage } from '../../adapters/ledger/open-ledger-storage.js';
import { loadImportProfile, type ImportProfile } from '../../adapters/partner-formats/import-profile.js';
import { openStore } from '../../adapters/store/open-store.js';
import { contractUrl } from '../../openapi/contract-url.js';
import { loadContract } from '../../openapi/load-contract.js';
import { systemClock } from '../clock.js';
import type { Config } from '../config/config-schema.js';
import { keyPaths } from '../bootstrap/key-paths.js';
import { covenantRegistry } from '../covenant/covenant-registry.js';
import { defaultCovenantDir } from '../covenant/record-covenant-version.js';
import { DISCLOSURE_LOG } from '../disclosure/log-id.js';
import { outbox } from '../meldingen/outbox.js';
import { createImportTaak } from '../import/import-taak.js';
import { runImportTaak } from '../import/run-import-taak.js';
import { progressBar } from './progress-bar.js';
import { useCaseDeps } from '../use-case-deps.js';
import { createLogger } from '../logging/create-logger.js';
import { UsageError } from './partners-command.js';

export const importUsage = `knooppunt import --partner <id> <bestand> [--profile <profiel.json>] [--json]
  imports a partner export (CSV or JSON) with the partner's mapping profile; one household (dossier) at a
  time, each atomic; safe to run again; ends with a report of rejected rows and why`;

/** `knooppunt import`: bulk intake for partners that can only export files. */
export async function importCommand(
  args: string[],
  config: Config,
  out: (l: string) => void,
  err: (l: string) => void,
): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { partner: { type: 'string' }, profile: { type: 'string' }, json: { type: 'boolean' } },
  });
  if (!values.partner || positionals.length !== 1) throw new UsageError(importUsage);
  let profile: ImportProfile;
  let tekst: string;
  try {
    profile = loadImportProfile(values.partner, values.profile);
    tekst = readFileSync(positionals[0]!, 'utf8');
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  const contract = loadContract();
  const store = await openStore(config.databaseUrl);
  const logger = createLogger('silent');
  const registry = covenantRegistry(config.covenantDir ?? defaultCovenantDir, { logger, clock: systemClock });
  const ledger = createLedger(openLedgerStorage(config.databaseUrl), DISCLOSURE_LOG);
  try {
    const partner = await store.partners.findById(values.partner);
    if (!partner) throw new UsageError(`onbekende partner ${values.partner}`);
    if (partner.status !== 'actief') throw new UsageError(`partner ${values.partner} is geschorst`);
    const deps = useCaseDeps({
      store,
      dp: dataProtection(loadMasterKey(keyPaths(config.dataDir).master)),
      covenants: registry,
      clock: systemClock,
      ledger,
      meldingen: outbox(store, systemClock),
    });
    // The same task and run as POST /importen: the file is stored (encrypted) and imported household by household.
    const caller = {
      partner: { id: partner.id, soort: partner.soort },
      actor: { id: 'import', rol: 'systeem' as const },
    };
    const id = await createImportTaak(
      deps,
      caller,
      { profiel: profile.partner, formaat: profile.formaat, tekst },
      profile,
    );
    const report = await runImportTaak(
      deps,
      id,
      (casusId) => contractUrl(contract, 'getCasus', { casusId }),
      progressBar(err),
      profile,
    );
    if (!report) {
      const taak = await store.importen.findById(id);
      err(`import mislukt: ${taak?.fout ?? 'onbekende fout'}`);
      return 1;
    }
    if (values.json) out(JSON.stringify(report, null, 2));
    else {
      out(
        `${report.rijen} rijen in ${report.dossiers} dossiers: ${report.aangemaakt} aangemeld, ${report.alEerderGeimporteerd} al eerder geïmporteerd, ${report.geweigerd.length} rijen geweigerd`,
      );
      for (const c of report.casussen) out(`  dossier ${c.dossier}: casus ${c.casus}${c.eerder ? ' (al eerder)' : ''}`);
      for (const g of report.geweigerd) out(`  rij ${g.rij} (dossier ${g.dossier}): ${g.reden}`);
    }
    return report.geweigerd.length === 0 ? 0 : 1;
  } finally {
    registry.stop();
    await ledger.close();
    await store.close();
  }
}
