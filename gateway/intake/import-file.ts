import { createHash } from 'node:crypto';
import type { ImportField, ImportProfile } from '../../adapters/partner-formats/import-profile.js';
import type { SourceRow } from '../../adapters/partner-formats/read-rows.js';
import type { components } from '../../openapi/generated/knooppunt.js';
import { leefgebieden } from '../../policies/taxonomy/leefgebieden.js';
import { DomainError } from '../errors/domain-error.js';
import type { Caller, UseCaseDeps } from '../use-case-deps.js';
import { registerAanmelding } from './register-aanmelding.js';

type Aanmelding = components['schemas']['Aanmelding'];

export interface ImportReport {
  rijen: number;
  dossiers: number;
  aangemaakt: number;
  alEerderGeimporteerd: number;
  geweigerd: { rij: number; dossier: string; reden: string }[];
  /** Every household that went in (now or on an earlier run): its dossier and casus id. */
  casussen: { dossier: string; casus: string; eerder: boolean }[];
}

const SIGNALEN = ['criminaliteit', 'overlast', 'verloedering', 'geweld', 'zorgmijding'];

function toIsoDate(value: string, format: ImportProfile['datumformaat']): string {
  const m =
    format === 'DD-MM-JJJJ' ? /^(\d{1,2})-(\d{1,2})-(\d{4})$/.exec(value) : /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(value);
  if (!m) throw new Error(`datum "${value}" is niet in formaat ${format}`);
  const [d, mo, y] = format === 'DD-MM-JJJJ' ? [m[1]!, m[2]!, m[3]!] : [m[3]!, m[2]!, m[1]!];
  const iso = `${y}-${mo.padStart(2, '0')}-${d.padStart(2, '0')}`;
  // Date.parse rolls 31 February over into March; a round trip shows the date does not exist.
  const parsed = new Date(`${iso}T00:00:00Z`);
  if (Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== iso)
    throw new Error(`datum "${value}" bestaat niet`);
  return iso;
}

const list = (v: string | undefined) =>
  (v ?? '')
    .split(/[,|]/)
    .map((x) => x.trim())
    .filter(Boolean);

/** One dossier (a household's rows) as an aanmelding: the first row is the hoofdpersoon. */
function toAanmelding(rows: SourceRow[], profile: ImportProfile): Aanmelding {
  const get = (row: SourceRow, field: ImportField) =>
    (profile.kolommen[field] ? row.values[profile.kolommen[field]!]?.trim() : undefined) || undefined;
  const first = rows[0]!;
  const domains = list(get(first, 'leefgebieden'));
  const unknown = domains.filter((d) => !(leefgebieden as readonly string[]).includes(d));
  if (unknown.length > 0) throw new Error(`onbekend leefgebied ${unknown.join(', ')}`);
  const signalen = list(get(first, 'signalen'));
  if (signalen.some((s) => !SIGNALEN.includes(s))) throw new Error(`onbekend signaal in ${signalen.join(', ')}`);
  const betrokkenen = rows.map((row, i) => {
    const achternaam = get(row, 'achternaam');
    const geboortedatum = get(row, 'geboortedatum');
    if (!achternaam || !geboortedatum) throw new Error(`rij ${row.rij}: achternaam en geboortedatum zijn verplicht`);
    return {
      ref: `r${row.rij}`,
      bsn: get(row, 'bsn'),
      voornamen: get(row, 'voornamen'),
      tussenvoegsel: get(row, 'tussenvoegsel'),
      achternaam,
      geboortedatum: toIsoDate(geboortedatum, profile.datumformaat),
      postcode: get(row, 'postcode'),
      rol: i === 0 ? ('hoofdpersoon' as const) : ('systeemlid' as const),
    };
  });
  const relaties = rows
    .slice(1)
    .map((row) => {
      const wording = get(row, 'relatie')?.toLowerCase();
      const soort = wording ? profile.relaties[wording] : undefined;
      if (wording && !soort) throw new Error(`rij ${row.rij}: onbekende relatie "${wording}"`);
      return soort ? { van: `r${first.rij}`, naar: `r${row.rij}`, soort } : undefined;
    })
    .filter((r) => r !== undefined);
  return {
    soort: rows.length > 1 ? 'systeem' : 'persoon',
    gemeente: profile.gemeente,
    reden: get(first, 'reden') ?? 'Bulkimport',
    doel: profile.doel,
    codeRood: false,
    leefgebieden: domains as Aanmelding['leefgebieden'],
    signalen: signalen as Aanmelding['signalen'],
    betrokkenen,
    relaties,
  };
}

function reasonOf(err: unknown): string {
  if (err instanceof DomainError)
    return [err.message, ...(err.extra.invalidParams ?? []).map((p) => `${p.name}: ${p.reason}`)].join(' ');
  return (err as Error).message;
}

/**
 * Imports a partner export dossier by dossier (one household = one aanmelding, in its own
 * transaction): a bad dossier is reported and skipped, the others go in. The Idempotency-Key is a hash
 * of the dossier's rows, so running the same file again creates nothing twice.
 */
export async function importRows(
  deps: UseCaseDeps,
  caller: Caller,
  profile: ImportProfile,
  rows: SourceRow[],
  casusUrl: (casusId: string) => string,
  progress: (done: number, total: number) => void = () => {},
  /** Awaited after each household (a job records its progress). */
  checkpoint: (partial: ImportReport, done: number) => Promise<void> = async () => {},
): Promise<ImportReport> {
  const dossierColumn = profile.kolommen.dossier!;
  const groups = new Map<string, SourceRow[]>();
  for (const row of rows) {
    const dossier = row.values[dossierColumn]?.trim() || `rij-${row.rij}`;
    groups.set(dossier, [...(groups.get(dossier) ?? []), row]);
  }
  const report: ImportReport = {
    rijen: rows.length,
    dossiers: groups.size,
    aangemaakt: 0,
    alEerderGeimporteerd: 0,
    geweigerd: [],
    casussen: [],
  };
  let done = 0;
  for (const [dossier, group] of groups) {
    const key = `import-${createHash('sha256')
      .update(`${caller.partner.id}\0${dossier}\0${JSON.stringify(group.map((r) => r.values))}`)
      .digest('hex')
      .slice(0, 40)}`;
    try {
      const unreadable = group.find((r) => r.fout);
      if (unreadable) throw new Error(`rij ${unreadable.rij}: ${unreadable.fout}`);
      const existed = await deps.store.idempotency.find(caller.partner.id, key);
      const answer = await registerAanmelding(deps, caller, toAanmelding(group, profile), key, casusUrl);
      const casus = (answer.body as { casus?: unknown }).casus;
      if (typeof casus === 'string') report.casussen.push({ dossier, casus, eerder: Boolean(existed) });
      if (existed) report.alEerderGeimporteerd++;
      else report.aangemaakt++;
    } catch (err) {
      // The household is one unit: every row of it is reported, with the reason (naming the bad row).
      for (const row of group) report.geweigerd.push({ rij: row.rij, dossier, reden: reasonOf(err) });
    }
    done += group.length;
    progress(done, rows.length);
    await checkpoint(report, done);
  }
  return report;
}
