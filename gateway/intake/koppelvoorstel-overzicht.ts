import type { KoppelvoorstelRecord } from '../../adapters/store/koppelvoorstel-repository.js';
import type { DisclosureFacts, PendingDisclosure } from '../disclosure/disclosure-log.js';
import { suppliersOfPerson } from '../disclosure/suppliers-of-person.js';
import type { Caller, UseCaseDeps } from '../use-case-deps.js';
import { readPersoon } from './link-betrokkenen.js';
import { koppelvoorstelView } from './koppelvoorstellen.js';

/** Linking is part of gathering what is known for the screening of a referral. */
const DOEL = 'triage';
const FIELDS = ['voornamen', 'tussenvoegsel', 'achternaam', 'geboortedatum', 'postcode'] as const;

interface Shown {
  record: Record<string, unknown>;
  /** The referrers whose identification of the person was shown (the log's sources). */
  shownFrom: string[];
}

/**
 * One record as the regisseur may see it: which partners supplied data about it, and its identification
 * (name, birth date, postcode) where the covenant lets the regisseur receive `identificatie` from the
 * partner that referred it, masked fields left out. Never the BSN.
 */
async function recordFor(deps: UseCaseDeps, caller: Caller, id: string): Promise<Shown> {
  const suppliers = await suppliersOfPerson(deps.store, [id], null);
  const bronnen = [...suppliers.keys()].sort();
  const referrers = [...new Set((await deps.store.casussen.referrersOf([id])).map((r) => r.aanmelderId))];
  const soorten = await deps.soortOf(referrers);
  const permits = referrers
    .map((bron) => ({
      bron,
      d: deps.policy.decide({
        actie: 'verstrekken',
        partner: caller.partner,
        bron: { id: bron, soort: soorten.get(bron) ?? '' },
        categorieen: ['identificatie'],
        doel: DOEL,
        deelnemer: true,
      }).perCategory[0]!,
    }))
    .filter(({ d }) => d.effect === 'permit');
  const persoon = permits.length > 0 ? await readPersoon(deps.store.betrokkenen, deps.dp, id) : undefined;
  const record: Record<string, unknown> = { id, bronnen };
  if (!persoon) return { record, shownFrom: [] };
  // One unmasked grant is enough to see a field.
  for (const f of FIELDS)
    if (persoon[f] !== undefined && permits.some(({ d }) => !d.maskering.includes(f))) record[f] = persoon[f];
  return { record, shownFrom: permits.map((p) => p.bron) };
}

/**
 * Open proposals, best first, each with the two records side by side as far as the covenant lets the
 * regisseur see them, the score and what agreed. Showing identification is a disclosure: it is written to
 * the disclosure log (keyed references only) before the answer leaves; the receipt travels in the header.
 */
export async function koppelvoorstelOverzicht(
  deps: UseCaseDeps,
  caller: Caller,
  traceId: string,
): Promise<PendingDisclosure> {
  const open: KoppelvoorstelRecord[] = await deps.store.koppelvoorstellen.open(200);
  const cache = new Map<string, Promise<Shown>>();
  const shown = (id: string) => {
    if (!cache.has(id)) cache.set(id, recordFor(deps, caller, id));
    return cache.get(id)!;
  };
  const koppelvoorstellen = [];
  for (const k of open) {
    const [a, b] = await Promise.all([shown(k.betrokkeneId), shown(k.kandidaatId)]);
    koppelvoorstellen.push({ ...koppelvoorstelView(k), vergelijking: { betrokkene: a.record, kandidaat: b.record } });
  }
  const all = await Promise.all(cache.values());
  const disclosed = [...cache.keys()].filter((_, i) => all[i]!.shownFrom.length > 0);
  const answer = { koppelvoorstellen };
  const facts: DisclosureFacts = {
    soort: 'verstrekking',
    ontvanger: { partner: caller.partner.id, actor: caller.actor },
    bronnen: [...new Set(all.flatMap((s) => s.shownFrom))].sort(),
    doel: DOEL,
    grondslagen: [],
    categorieen: disclosed.length > 0 ? ['identificatie'] : [],
    subjectRefs: disclosed.map((id) => deps.dp.subjectRef(id)),
    convenant: deps.policy.covenant()?.label ?? '',
    traceId,
    details: { weergave: 'koppelvoorstellen' },
  };
  // The caller serialises `answer` once and commits exactly those bytes before it sends them.
  return { body: answer, commit: (bytes: Uint8Array) => deps.disclosures.record(facts, bytes) };
}
