import { columnMatchesBody } from './entry-time.js';
import type { LedgerStorage } from './ledger-storage.js';
import { leafHash } from './merkle.js';

const PAGE = 4096;

/**
 * Checks entries [from, to) one by one: present and contiguous, each body hashing to its stored leaf
 * hash, each `tijd` column stating the body's time. The running gateway's check of what was appended
 * since it last looked; returns the problems (empty: fine).
 */
export async function verifyRange(storage: LedgerStorage, logId: string, from: number, to: number): Promise<string[]> {
  const problems: string[] = [];
  for (let page = from; page < to && problems.length < 10; page += PAGE) {
    let expected = page;
    const end = Math.min(to, page + PAGE);
    for (const e of await storage.verificationEntries(logId, page, end)) {
      if (e.index !== expected) problems.push(`entry ${expected}: missing`);
      if (leafHash(Buffer.from(e.body, 'utf8')).toString('hex') !== e.leafHex.toLowerCase())
        problems.push(`entry ${e.index}: its body does not match its leaf hash`);
      if (!columnMatchesBody(e.body, e.tijd)) problems.push(`entry ${e.index}: its tijd column differs from its body`);
      expected = e.index + 1;
    }
    if (expected < end) problems.push(`entry ${expected}: missing`);
  }
  return problems;
}
