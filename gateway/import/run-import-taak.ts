import type { ImportProfile } from '../../adapters/partner-formats/import-profile.js';
import type { ImportVoortgang } from '../../adapters/store/import-repository.js';
import { importRows, type ImportReport } from '../intake/import-file.js';
import type { UseCaseDeps } from '../use-case-deps.js';
import { importProfielVoor } from './import-profiel.js';
import { decryptInhoud, encryptRapport, rowsOf } from './import-taak.js';

export type ImportProgress = (done: number, total: number) => void;

const voortgang = (
  r: Pick<ImportReport, 'aangemaakt' | 'alEerderGeimporteerd' | 'geweigerd'>,
  done: number,
): ImportVoortgang => ({
  verwerkt: done,
  aangemaakt: r.aangemaakt,
  bijgewerkt: r.alEerderGeimporteerd,
  geweigerd: r.geweigerd.length,
});

/**
 * Runs (or resumes) an import task. Each household is one transaction through the same intake use case
 * as POST /aanmeldingen, keyed by a hash of its rows: a run after a crash imports nothing twice and
 * finds the households that went in before (with their casus ids), so resuming is running again.
 * A task that cannot run at all (its partner gone, its profile gone) is marked failed with a reason.
 */
export async function runImportTaak(
  deps: UseCaseDeps,
  id: string,
  casusUrl: (casusId: string) => string,
  progress: ImportProgress = () => {},
  profileOverride?: ImportProfile,
): Promise<ImportReport | undefined> {
  const taak = await deps.store.importen.findById(id);
  if (!taak || taak.status === 'klaar' || taak.status === 'mislukt' || taak.inhoud === null) return undefined;
  try {
    const partner = await deps.store.partners.findById(taak.partnerId);
    if (!partner || partner.status !== 'actief') throw new Error('partner niet actief');
    const profile = profileOverride ?? importProfielVoor(taak.partnerId, taak.profiel);
    const rows = rowsOf(decryptInhoud(deps, taak), profile);
    await deps.store.importen.start(id, deps.clock.now());
    let last = 0;
    const report = await importRows(
      deps,
      { partner: { id: partner.id, soort: partner.soort }, actor: { id: 'import', rol: 'systeem' } },
      profile,
      rows,
      casusUrl,
      (done, total) => progress(done, total),
      async (partial, done) => {
        // Progress in the task every 50 rows: enough for a status bar, few writes.
        if (done - last >= 50) {
          last = done;
          await deps.store.importen.progress(id, voortgang(partial, done), deps.clock.now());
        }
      },
    );
    await deps.store.importen.finish(
      id,
      voortgang(report, rows.length),
      encryptRapport(deps, taak, report),
      deps.clock.now(),
    );
    return report;
  } catch (err) {
    await deps.store.importen.fail(id, (err as Error).message.slice(0, 200), deps.clock.now());
    return undefined;
  }
}

/** At start-up: every task a crash interrupted is run again (households already in are not redone). */
export async function hervatImportTaken(deps: UseCaseDeps, casusUrl: (casusId: string) => string): Promise<number> {
  const ids = await deps.store.importen.unfinished();
  for (const id of ids) await runImportTaak(deps, id, casusUrl);
  return ids.length;
}
