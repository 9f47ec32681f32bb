import { createHash } from 'node:crypto';
import type { Ledger, LedgerReceipt } from '../../adapters/ledger/ledger.js';
import { uuidV7 } from '../../adapters/ledger/uuid-v7.js';
import type { Clock } from '../clock.js';
import { DomainError } from '../errors/domain-error.js';

/**
 * What a ledger entry says about one disclosure (or refusal): ids and keyed references only. The format
 * subject-rights work reads (access reports, `ontvangersVan`, AVG art. 19 notices):
 * - `subjectRefs`: `dp.subjectRef(betrokkeneId)` of exactly each person whose data left in the answer
 *   (a piece about the casus as a whole counts for all its persons; a refusal names nobody);
 * - `details.perPersoon` (pulls of a casus, v1 entries from the per-person change on): one
 *   `{ ref, categorieen, items, gemaskeerd }` per such person — the categories that left about them,
 *   the ids of their informatie items, and `categorie.veld` of each field masked (names, never values);
 *   entries without it (verwijsindex, koppelvoorstellen, older entries) mean every category for every ref;
 * - `details.beperkt` (for privacy officers only): item ids withheld because processing is restricted.
 */
export interface DisclosureFacts {
  soort: 'verstrekking' | 'weigering' | 'verwijsindex';
  ontvanger: { partner: string; actor: { id: string; rol: string } };
  bronnen: string[];
  doel: string;
  grondslagen: string[];
  categorieen: string[];
  /** Keyed references (HMAC) of the persons concerned — never a BSN or name. */
  subjectRefs: string[];
  casus?: string;
  convenant: string;
  traceId: string;
  /** Extra ids the entry must name, e.g. the partners a verwijsindex answer disclosed. */
  details?: Record<string, unknown>;
}

export interface DisclosureLog {
  /**
   * Writes the entry and resolves after COMMIT; throws 503 `unavailable` when the log cannot be written.
   * `disclosed` is exactly the bytes that will leave (null for a refusal: nothing leaves).
   */
  record(facts: DisclosureFacts, disclosed: Uint8Array | null): Promise<LedgerReceipt>;
}

/**
 * A disclosure that is ready but not yet logged: whoever sends `body` serialises it once, commits
 * exactly those bytes, and sends them only after `commit` resolves.
 */
export interface PendingDisclosure<Body = unknown> {
  body: Body;
  commit(bytes: Uint8Array): Promise<LedgerReceipt>;
}

/**
 * SHA-256 over the exact bytes sent, so the entry commits to what left and a recipient can check what
 * it received against the log. A refusal discloses no bytes and has no digest.
 */
export function payloadDigest(disclosed: Uint8Array | null): string | null {
  return disclosed && createHash('sha256').update(disclosed).digest('hex');
}

/**
 * Log before disclose: every answer that carries personal data (or refuses to) is appended here, and
 * the caller may only send its response once this resolves. Entries follow the Logboek
 * Dataverwerkingen shape: trace id, processing activity (doel), pseudonymised data subject.
 */
export function disclosureLog(ledger: Ledger, clock: Clock): DisclosureLog {
  return {
    async record(facts, disclosed) {
      const now = clock.now();
      const body = {
        v: 1,
        id: uuidV7(now),
        tijd: now.toISOString(),
        ...facts,
        payloadDigest: payloadDigest(disclosed),
      };
      try {
        return await ledger.append(body, now);
      } catch {
        throw new DomainError('unavailable', 'disclosure log unavailable; nothing was disclosed');
      }
    },
  };
}

/**
 * Logs a refusal: nothing left, so no sources, categories or persons and no payload digest — only who
 * asked, for what, and why not. Refusals are what a privacy officer looks for.
 */
export function recordRefusal(
  log: DisclosureLog,
  facts: Pick<DisclosureFacts, 'ontvanger' | 'doel' | 'casus' | 'traceId' | 'convenant'>,
  details: Record<string, unknown>,
): Promise<LedgerReceipt> {
  return log.record(
    { ...facts, soort: 'weigering', bronnen: [], grondslagen: [], categorieen: [], subjectRefs: [], details },
    null,
  );
}

export function receiptJson(r: LedgerReceipt): { log: string; index: number; leafHash: string } {
  return { log: r.origin, index: r.index, leafHash: r.leafHash };
}
