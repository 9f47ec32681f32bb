const KEY = '"tijd":"';

/**
 * Whether the body states `"tijd":"<column>"` and no other `tijd` anywhere. Every body the ledger
 * writes has a top-level `tijd`, so then it is that one: no parse needed — the common case on a
 * million-entry scan.
 */
function statesOnly(body: string, column: string): boolean {
  const at = body.indexOf(KEY);
  return (
    at > 0 &&
    body.startsWith(column, at + KEY.length) &&
    body.charCodeAt(at + KEY.length + column.length) === 34 &&
    body.indexOf(KEY, at + 1) < 0
  );
}

/**
 * The time an entry's hashed body states (its top-level `tijd`), as milliseconds; NaN when it states
 * none. The stored `tijd` column is only an unhashed copy: readers and the verifier take the time from
 * here, so changing the column changes nothing a reader sees and is reported by `ledger verify`.
 * `column` (the column's ISO text) only spares parsing the body when the body states exactly that.
 */
export function bodyTime(body: string, column?: string): number {
  if (column !== undefined && statesOnly(body, column)) return Date.parse(column);
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return NaN;
  }
  const tijd = (parsed as { tijd?: unknown } | null)?.tijd;
  return typeof tijd === 'string' ? Date.parse(tijd) : NaN;
}

/** Whether the stored column states the same instant as the hashed body. */
export function columnMatchesBody(body: string, column: unknown): boolean {
  const text = typeof column === 'string' ? column : String(column);
  if (statesOnly(body, text)) return true;
  const inBody = bodyTime(body);
  return !Number.isNaN(inBody) && inBody === Date.parse(text);
}
