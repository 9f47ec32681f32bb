const KEY = '"tijd":"';

/**
 * The time an entry's hashed body states (its top-level `tijd`), as milliseconds; NaN when it states
 * none. The stored `tijd` column is only an unhashed copy: readers and the verifier take the time from
 * here, so changing the column changes nothing a reader sees and is reported by `ledger verify`.
 *
 * `column` is the column's ISO text. Every body the ledger writes has a top-level `tijd`, so when
 * `"tijd":"<column>"` occurs exactly once it is that one and the body need not be parsed — the common
 * case on a million-entry scan. Anything else (a changed column, another spelling) is parsed.
 */
export function bodyTime(body: string, column?: string): number {
  if (column !== undefined) {
    const at = body.indexOf(KEY);
    if (at > 0 && body.startsWith(column, at + KEY.length) && body.charCodeAt(at + KEY.length + column.length) === 34) {
      if (body.indexOf(KEY, at + 1) < 0) return Date.parse(column);
    }
  }
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
  const inBody = bodyTime(body, text);
  return !Number.isNaN(inBody) && inBody === Date.parse(text);
}
