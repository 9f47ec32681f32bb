import { uuidV7 } from '../../adapters/ledger/uuid-v7.js';
import { readRows, type SourceRow } from '../../adapters/partner-formats/read-rows.js';
import type { ImportProfile } from '../../adapters/partner-formats/import-profile.js';
import type { ImportTaakRecord } from '../../adapters/store/import-repository.js';
import type { Caller } from '../caller.js';
import { DomainError } from '../errors/domain-error.js';
import type { ImportReport } from '../intake/import-file.js';
import type { UseCaseDeps } from '../use-case-deps.js';
import { importProfielVoor } from './import-profiel.js';

const context = (id: string, part: string) => `import:${id}:${part}`;

/** Reads the file as the profile says; a file that cannot be read at all is a 400 naming why. */
export function rowsOf(text: string, profile: ImportProfile): SourceRow[] {
  try {
    return readRows(text, profile);
  } catch (err) {
    throw new DomainError('invalid-request', 'Het bestand kon niet gelezen worden', {
      invalidParams: [{ name: 'body', reason: (err as Error).message.slice(0, 200) }],
    });
  }
}

/**
 * Stores an upload as a task: the file encrypted under a data key of its own (it holds BSNs and names),
 * checked for readability first. Answers the task id; `runImportTaak` does the work.
 */
export async function createImportTaak(
  deps: UseCaseDeps,
  caller: Caller,
  upload: { profiel: string; formaat: 'csv' | 'json'; tekst: string },
  /** The CLI may name a profile file by path; the API only a partner's own profile by name. */
  profileOverride?: ImportProfile,
): Promise<string> {
  const profile = profileOverride ?? importProfielVoor(caller.partner.id, upload.profiel);
  if (profile.formaat !== upload.formaat)
    throw new DomainError('unsupported-media-type', `Dit profiel leest ${profile.formaat}, geen ${upload.formaat}.`);
  const rows = rowsOf(upload.tekst, profile);
  const now = deps.clock.now();
  const id = uuidV7(now);
  const { wrapped, key } = deps.dp.newDataKey();
  await deps.store.importen.create({
    id,
    partnerId: caller.partner.id,
    profiel: upload.profiel,
    sleutel: wrapped,
    inhoud: deps.dp.encrypt(key, upload.tekst, context(id, 'inhoud')),
    rijen: rows.length,
    aangemaaktOp: now,
  });
  return id;
}

export function decryptInhoud(deps: Pick<UseCaseDeps, 'dp'>, t: ImportTaakRecord): string {
  return deps.dp.decrypt(deps.dp.unwrapDataKey(t.sleutel), t.inhoud!, context(t.id, 'inhoud'));
}

export function encryptRapport(deps: Pick<UseCaseDeps, 'dp'>, t: ImportTaakRecord, r: ImportReport): string {
  return deps.dp.encrypt(deps.dp.unwrapDataKey(t.sleutel), JSON.stringify(r), context(t.id, 'rapport'));
}

export function decryptRapport(deps: Pick<UseCaseDeps, 'dp'>, t: ImportTaakRecord): ImportReport {
  return JSON.parse(deps.dp.decrypt(deps.dp.unwrapDataKey(t.sleutel), t.rapport!, context(t.id, 'rapport')));
}
