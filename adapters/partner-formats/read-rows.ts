import { parse } from 'csv-parse/sync';
import type { ImportProfile } from './import-profile.js';

/** A source row with its 1-based line (CSV: after the header) for the rejection report. */
export interface SourceRow {
  rij: number;
  values: Record<string, string>;
}

/** Reads a partner export (CSV with a header line, or a JSON array of objects) into rows. */
export function readRows(text: string, profile: ImportProfile): SourceRow[] {
  if (profile.formaat === 'json') {
    const data = JSON.parse(text) as unknown;
    if (!Array.isArray(data)) throw new Error('een JSON-export is een lijst van objecten');
    return data.map((o, i) => ({
      rij: i + 1,
      values: Object.fromEntries(
        Object.entries(o as Record<string, unknown>).map(([k, v]) => [
          k,
          v === null || v === undefined ? '' : String(v),
        ]),
      ),
    }));
  }
  const records = parse(text, {
    columns: true,
    delimiter: profile.scheidingsteken,
    skip_empty_lines: true,
    trim: true,
    bom: true,
    relax_column_count: false,
  }) as Record<string, string>[];
  return records.map((values, i) => ({ rij: i + 2, values }));
}
