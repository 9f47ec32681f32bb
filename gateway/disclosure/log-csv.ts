import { stringify } from 'csv-stringify/sync';

/** What the export needs of a log search result (review.ts's FoundEntry has this shape). */
export interface CsvRegel {
  index: number;
  tijd: string;
  leafHash: string;
  regel: {
    soort: string;
    ontvanger: { partner: string; actor: { id: string; rol: string } };
    bronnen: string[];
    doel: string;
    grondslagen?: unknown;
    categorieen: string[];
    casus?: string;
    convenant?: unknown;
    traceId: string;
  };
}

/** The columns of the export, in order; a spreadsheet's header row. */
const columns = [
  'index',
  'tijd',
  'soort',
  'ontvanger',
  'actor',
  'rol',
  'bronnen',
  'doel',
  'grondslagen',
  'categorieen',
  'casus',
  'convenant',
  'traceId',
  'leafHash',
] as const;

const cell = (v: unknown): string | number =>
  typeof v === 'number' ? v : Array.isArray(v) ? v.join('|') : v === undefined || v === null ? '' : String(v);

/**
 * The privacy officer's log export as CSV for spreadsheets: semicolons (as Dutch Excel expects), CRLF,
 * one disclosure per line, lists joined with `|`. Cells that a spreadsheet would run as a formula
 * (starting with = + - @ tab or CR) get a leading `'`: log values come partly from partners.
 */
export function toCsv(regels: CsvRegel[]): string {
  const rows = regels.map((r) =>
    [
      r.index,
      r.tijd,
      r.regel.soort,
      r.regel.ontvanger.partner,
      r.regel.ontvanger.actor.id,
      r.regel.ontvanger.actor.rol,
      r.regel.bronnen,
      r.regel.doel,
      r.regel.grondslagen,
      r.regel.categorieen,
      r.regel.casus,
      r.regel.convenant,
      r.regel.traceId,
      r.leafHash,
    ].map(cell),
  );
  return stringify(rows, {
    header: true,
    columns: [...columns],
    delimiter: ';',
    record_delimiter: 'windows',
    quote_record_delimiter: true,
    escape_formulas: true,
  });
}
