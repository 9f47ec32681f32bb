import { parse } from 'csv-parse/sync';
import type { ImportProfile } from './import-profile.js';

/** A source row with its 1-based line (CSV: after the header) for the rejection report. */
export interface SourceRow {
  rij: number;
  values: Record<string, string>;
  /** Why the row cannot be read (a wrong number of columns, not an object): its household is rejected. */
  fout?: string;
}

/** Reads a partner export (CSV with a header line, or a JSON array of objects) into rows. */
export function readRows(text: string, profile: ImportProfile): SourceRow[] {
  if (profile.formaat === 'json') {
    const data = JSON.parse(text) as unknown;
    if (!Array.isArray(data)) throw new Error('een JSON-export is een lijst van objecten');
    return data.map((o, i) =>
      typeof o !== 'object' || o === null || Array.isArray(o)
        ? { rij: i + 1, values: {}, fout: 'geen object' }
        : {
            rij: i + 1,
            values: Object.fromEntries(
              Object.entries(o as Record<string, unknown>).map(([k, v]) => [
                k,
                v === null || v === undefined ? '' : String(v),
              ]),
            ),
          },
    );
  }
  // A row with too few or too many columns is kept (and rejected on its own) instead of failing the file.
  const records = parse(text, {
    delimiter: profile.scheidingsteken,
    skip_empty_lines: true,
    trim: true,
    bom: true,
    relax_column_count: true,
    info: true,
  }) as unknown as { record: string[]; info: { lines: number } }[];
  const [header, ...body] = records;
  if (!header) return [];
  const columns = header.record;
  return body.map(({ record, info }) => ({
    // The line the record starts on (a quoted field may span lines).
    rij: info.lines - record.join('').split('\n').length + 1,
    values: Object.fromEntries(columns.map((c, i) => [c, record[i] ?? ''])),
    ...(record.length !== columns.length ? { fout: 'het aantal kolommen klopt niet met de kopregel' } : {}),
  }));
}
