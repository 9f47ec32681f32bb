import { isStoreUnavailable } from '../../adapters/store/store-unavailable.js';
import type { ImportProfile } from '../../adapters/partner-formats/import-profile.js';
import type { ImportVoortgang } from '../../adapters/store/import-repository.js';
import { importRows, type ImportReport } from '../intake/import-file.js';
import { DomainError } from '../errors/domain-error.js';
import type { UseCaseDeps } from '../use-case-deps.js';
import { importProfielVoor } from './import-profiel.js';
import { decryptInhoud, encryptRapport, rowsOf } from './import-taak.js';

export type ImportProgress = (done: number, total: number) => void;

/**
 * A run writes its progress at least this often; a task running but silent for longer is taken to
 * have lost its process and may be taken over. Long enough for one slow household, short enough
 * that a crashed import resumes within minutes.
 */
export const IMPORT_LEASE_MS = 2 * 60_000;
const HEARTBEAT_MS = 20_000;

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
  const now = deps.clock.now();
  // Another process is on it (a job queued twice, a resume racing a live run): leave it to that one.
  if (!(await deps.store.importen.claim(id, now, new Date(now.getTime() - IMPORT_LEASE_MS)))) return undefined;
  try {
    const partner = await deps.store.partners.findById(taak.partnerId);
    if (!partner || partner.status !== 'actief') throw new DomainError('forbidden', 'partner niet actief');
    const profile = profileOverride ?? importProfielVoor(taak.partnerId, taak.profiel);
    const rows = rowsOf(decryptInhoud(deps, taak), profile);
    let last = 0;
    let lastAt = now.getTime();
    const report = await importRows(
      deps,
      { partner: { id: partner.id, soort: partner.soort }, actor: { id: 'import', rol: 'systeem' } },
      profile,
      rows,
      casusUrl,
      (done, total) => progress(done, total),
      async (partial, done) => {
        // Progress in the task every 50 rows (enough for a status bar, few writes), and at least every
        // 20 s: the heartbeat that keeps the task this run's.
        const at = deps.clock.now();
        if (done - last >= 50 || at.getTime() - lastAt >= HEARTBEAT_MS) {
          last = done;
          lastAt = at.getTime();
          await deps.store.importen.progress(id, voortgang(partial, done), at);
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
    // A database that went away is no reason to give up: the job is retried, or the sweep finds the task.
    if (isStoreUnavailable(err)) throw err;
    // Stored in plain text and shown to the partner: only our own messages, never a parser's or a driver's,
    // which may quote the file's content.
    const fout = err instanceof DomainError ? err.message : 'het bestand kon niet worden verwerkt';
    await deps.store.importen.fail(id, fout.slice(0, 200), deps.clock.now());
    return undefined;
  }
}

/** Tasks to run again: never started, or running but silent past the lease (their process died). */
export function onderbrokenImportTaken(deps: UseCaseDeps, now: Date): Promise<string[]> {
  return deps.store.importen.unfinished(new Date(now.getTime() - IMPORT_LEASE_MS));
}
