import type { DataProtection } from '../../adapters/crypto/data-protection.js';
import type { Ledger } from '../../adapters/ledger/ledger.js';
import type { StoredEntry } from '../../adapters/ledger/ledger-storage.js';
import type { BetrokkeneRepository } from '../../adapters/store/betrokkene-repository.js';
import type { components } from '../../openapi/generated/knooppunt.js';
import { DomainError } from '../errors/domain-error.js';
import { isValidBsn } from '../intake/bsn.js';
import type { UseCaseDeps } from '../use-case-deps.js';
import { inLogScope, type LogScope } from './log-scope.js';
import { isOfficeHours } from './office-hours.js';
import { regelVoorScope } from './regel-voor-scope.js';

// The CSV export lives in log-csv.ts; re-exported so callers keep one import for the review functions.
export { toCsv } from './log-csv.js';

/** The search a privacy officer sends: the contract's LogZoekvraag. */
export type ReviewQuery = components['schemas']['LogZoekvraag'];

/**
 * A ledger entry a search found, in the contract's shape (LogRegels): the contract calls the logged
 * disclosure `regel` (log line); in code a `regel` is a covenant rule, so the body is `LoggedDisclosure`.
 */
export interface FoundEntry {
  index: number;
  tijd: string;
  leafHash: string;
  regel: LoggedDisclosure;
}

/** The body of one ledger entry: what was disclosed (or refused) to whom, for which purpose (its contract schema). */
export type LoggedDisclosure = components['schemas']['LogRegelInhoud'];

const PAGE = 5000;

async function* allEntries(ledger: Ledger, start = 0): AsyncGenerator<StoredEntry> {
  const size = await ledger.size();
  for (let from = start; from < size; from += PAGE) yield* await ledger.entries(from, Math.min(size, from + PAGE));
}

/**
 * The first index whose entry is at most `slack` ms older than `time`, by bisection. Entries are
 * appended in the order their time was taken (first in, first out within a process; processes sharing
 * a database interleave by milliseconds), so everything before it is older than `time` unless a clock
 * was off by more than `slack`. For signals over recent weeks; searches stay exact and scan everything.
 */
export async function firstIndexFrom(
  ledger: Pick<Ledger, 'size' | 'entries'>,
  time: number,
  slack = 86_400_000,
): Promise<number> {
  let lo = 0;
  let hi = await ledger.size();
  while (lo < hi) {
    const mid = Math.floor((lo + hi) / 2);
    const [e] = await ledger.entries(mid, mid + 1);
    if (e && e.tijd.getTime() < time - slack) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Keyed references that stand for this person in the log: one per record, plus the no-hit form. */
async function subjectRefsFor(
  betrokkenen: BetrokkeneRepository,
  dp: DataProtection,
  bsn: string,
): Promise<Set<string>> {
  if (!isValidBsn(bsn))
    throw new DomainError('invalid-request', 'Geen geldig BSN.', {
      invalidParams: [{ name: '/bsn', reason: 'elfproef klopt niet' }],
    });
  const pseudonym = dp.bsnPseudonym(bsn);
  const refs = new Set([dp.subjectRef(`bsn:${pseudonym}`)]);
  const known = await betrokkenen.findIdByBsnPseudonym(pseudonym);
  if (known) for (const id of await betrokkenen.recordsOfPerson(known)) refs.add(dp.subjectRef(id));
  return refs;
}

/**
 * A period bound as milliseconds. One that does not parse (a leap second, a date the contract let
 * through) is refused naming the field: compared as NaN it would filter nothing and return everything.
 */
function instantOf(field: 'van' | 'tot', value: string | undefined, open: number): number {
  if (!value) return open;
  const ms = Date.parse(value);
  if (Number.isNaN(ms))
    throw new DomainError('invalid-request', `${field} is geen geldig tijdstip.`, {
      invalidParams: [{ name: field, reason: 'geen geldig tijdstip (RFC 3339)' }],
    });
  return ms;
}

/**
 * The privacy officer's search over the disclosure log. A person is found by BSN (sent in the body,
 * never in a URL) through the same keyed references the log holds — the log itself never sees the BSN.
 * Scans the log in pages (1,000,000 entries in a few seconds); an index per field is the next step
 * when logs reach tens of millions.
 *
 * Only entries within the officer's `scope` are found (see log-scope.ts). A partner's officer searching
 * by BSN finds only disclosures of its own partner's data about the person (it is a source): what it needs
 * to answer that person's access request as controller. Everything else about the person — other
 * partners' entries, and even its own partner's questions and refusals, which exist only because someone
 * asked — answers exactly as an unknown BSN does: the search never tells that the person is in the log.
 */
export async function searchLog(
  deps: Pick<UseCaseDeps, 'store' | 'dp'> & { ledger: Ledger },
  q: ReviewQuery,
  scope: LogScope,
): Promise<FoundEntry[]> {
  const refs = q.bsn ? await subjectRefsFor(deps.store.betrokkenen, deps.dp, q.bsn) : undefined;
  const van = instantOf('van', q.van, -Infinity);
  const tot = instantOf('tot', q.tot, Infinity);
  // Entries are canonical JSON (RFC 8785 writes strings exactly as JSON.stringify does), so an entry
  // whose text does not contain a wanted value, so written, cannot match: most are skipped unparsed.
  const asText = (v: string) => JSON.stringify(v).slice(1, -1);
  const mustContain = [q.partner, q.doel, q.casus].filter((v): v is string => !!v).map(asText);
  const anyRef = refs ? [...refs].map(asText) : undefined;
  const out: FoundEntry[] = [];
  for await (const e of allEntries(deps.ledger)) {
    const t = e.tijd.getTime();
    if (t < van || t >= tot) continue;
    if (!mustContain.every((v) => e.body.includes(v)) || (anyRef && !anyRef.some((r) => e.body.includes(r)))) continue;
    const entry = JSON.parse(e.body) as LoggedDisclosure;
    if (!inLogScope(scope, entry)) continue;
    if (refs && !scope.alles && !entry.bronnen.includes(scope.partner)) continue;
    if (q.partner && entry.ontvanger.partner !== q.partner && !entry.bronnen.includes(q.partner)) continue;
    if (q.doel && entry.doel !== q.doel) continue;
    if (q.casus && entry.casus !== q.casus) continue;
    if (refs && !entry.subjectRefs.some((r) => refs.has(r))) continue;
    out.push({
      index: e.index,
      tijd: e.tijd.toISOString(),
      leafHash: e.leafHash.toString('hex'),
      regel: regelVoorScope(scope, entry),
    });
  }
  return out;
}

/**
 * The Logboek Dataverwerkingen shape (Logius standard): one processing record per disclosure, as an
 * OpenTelemetry-style span with the `dpl.core.*` attributes — trace id, processing activity, and the
 * data subject as a pseudonymised identifier.
 */
export function toLogboek(found: FoundEntry[]) {
  return found.map(({ index, tijd, leafHash, regel: e }) => ({
    trace_id: e.traceId,
    span_id: e.id.replace(/-/g, '').slice(-16),
    name: `verstrekking/${e.doel}`,
    start_time: tijd,
    end_time: tijd,
    status_code: e.soort === 'weigering' ? 'ERROR' : 'OK',
    resource: { name: 'knooppunt', version: '1' },
    attributes: {
      'dpl.core.processing_activity_id': e.doel,
      'dpl.core.data_subject_id': e.subjectRefs,
      'dpl.core.data_subject_id_type': 'knooppunt-subject-ref',
      'dpl.core.user_id': `${e.ontvanger.partner}/${e.ontvanger.actor.id}`,
      'knooppunt.ledger.index': index,
      'knooppunt.ledger.leaf_hash': leafHash,
      'knooppunt.bronnen': e.bronnen,
      'knooppunt.categorieen': e.categorieen,
    },
  }));
}

export interface Signaal {
  soort: 'volume-boven-gewoonte' | 'weigeringen-buiten-deelname' | 'bulk-buiten-kantoortijd';
  partner: string;
  uitleg: string;
  aantal: number;
}

/**
 * Signals for the privacy officer, over the last `days` (default 30) up to `now`: a partner pulling far
 * above its usual daily volume today; refused attempts at casussen it does not take part in; bulk pulls
 * outside office hours (Amsterdam time). Thresholds are deliberately simple and stated in each signal.
 * Computed only over the entries within the officer's `scope`: a partner's officer sees signals about
 * its own partner's pulls and about pulls of its own data, never another partner's habits.
 */
export async function anomalySignals(
  ledger: Ledger,
  now: Date,
  scope: LogScope = { alles: true },
  days = 30,
): Promise<Signaal[]> {
  const since = now.getTime() - days * 86_400_000;
  const perPartnerDay = new Map<string, Map<number, number>>();
  const refusals = new Map<string, number>();
  const afterHours = new Map<string, number>();
  for await (const e of allEntries(ledger, await firstIndexFrom(ledger, since))) {
    const t = e.tijd.getTime();
    if (t < since || t > now.getTime()) continue;
    const r = JSON.parse(e.body) as LoggedDisclosure & { details?: { reden?: string } };
    if (!inLogScope(scope, r)) continue;
    const p = r.ontvanger.partner;
    if (r.soort === 'weigering' && r.details?.reden === 'geen-deelnemer') refusals.set(p, (refusals.get(p) ?? 0) + 1);
    if (r.soort !== 'verstrekking') continue;
    const day = Math.floor((now.getTime() - t) / 86_400_000);
    const byDay = perPartnerDay.get(p) ?? new Map<number, number>();
    byDay.set(day, (byDay.get(day) ?? 0) + 1);
    perPartnerDay.set(p, byDay);
    if (!isOfficeHours(e.tijd)) afterHours.set(p, (afterHours.get(p) ?? 0) + 1);
  }
  const signals: Signaal[] = [];
  for (const [partner, byDay] of perPartnerDay) {
    const todayCount = [...byDay].filter(([d]) => d === 0).reduce((n, [, c]) => n + c, 0);
    const earlier = Array.from({ length: days - 1 }, (_, i) => byDay.get(i + 1) ?? 0).sort((a, b) => a - b);
    const usual = earlier[Math.floor(earlier.length / 2)] ?? 0;
    if (todayCount >= 50 && todayCount > 5 * Math.max(usual, 1))
      signals.push({
        soort: 'volume-boven-gewoonte',
        partner,
        aantal: todayCount,
        uitleg: `${todayCount} verstrekkingen in 24 uur, gewoonlijk ${usual} per dag (drempel: 5× en minstens 50)`,
      });
  }
  for (const [partner, n] of refusals)
    if (n >= 3)
      signals.push({
        soort: 'weigeringen-buiten-deelname',
        partner,
        aantal: n,
        uitleg: `${n} pogingen om casussen te lezen waaraan ${partner} niet deelneemt (drempel: 3)`,
      });
  for (const [partner, n] of afterHours)
    if (n >= 100)
      signals.push({
        soort: 'bulk-buiten-kantoortijd',
        partner,
        aantal: n,
        uitleg: `${n} verstrekkingen buiten kantoortijd (ma–vr 7–19 uur) (drempel: 100)`,
      });
  return signals;
}
