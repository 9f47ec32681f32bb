import assert from 'node:assert/strict';

/** The disclosure receipt a pull answer carries in its `Ontvangstbewijs` header (compact JSON). */
export function receiptOf(res: { headers: Record<string, string | string[] | undefined> }): {
  log: string;
  index: number;
  leafHash: string;
} {
  const header = res.headers.ontvangstbewijs;
  if (typeof header !== 'string') assert.fail('a disclosure answers with one Ontvangstbewijs header');
  return JSON.parse(header);
}
