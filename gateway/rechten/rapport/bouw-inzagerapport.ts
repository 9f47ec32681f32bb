import type { UseCaseDeps } from '../../use-case-deps.js';
import { termijnen } from '../termijnen/regimes.js';
import { bronBeschrijving } from './bron-beschrijving.js';
import { gegevensVanPersoon } from './gegevens-van-persoon.js';
import type { InzageBron, Inzagerapport, InzageVerstrekking, RapportVoor, Weglating } from './inzagerapport-types.js';
import { logbewijs, type LogbewijsDeps } from './logbewijs.js';
import { klacht, rechten, uitlegKoppelen, uitlegVolledigheid } from './vaste-teksten.js';
import { type GelogdeVerstrekking, verstrekkingenUitLog } from './verstrekkingen-uit-log.js';

export type RapportDeps = Pick<UseCaseDeps, 'store' | 'dp' | 'policy' | 'clock'> &
  LogbewijsDeps & { ledger: LogbewijsDeps['ledger'] & Parameters<typeof verstrekkingenUitLog>[0] };

export interface RapportVraag {
  /** Every record of the person (merged ones included); a `bsn:<pseudonym>` form finds the no-hit log entries. */
  betrokkeneIds: string[];
  peildatum: Date;
  weglatingen: Weglating[];
  voor?: RapportVoor;
  /** When the request was received: the Wpg look-back counts from it (default: the peildatum). */
  ontvangen?: Date;
}

/** Wpg art. 25: recipients of police data are told for the years (the regime table's) before the request. */
function terugkijkVan(ontvangen: Date): Date {
  const van = new Date(ontvangen);
  van.setUTCFullYear(van.getUTCFullYear() - (termijnen.Wpg.inzage.terugkijkperiode?.jaren ?? 4));
  return van;
}

const zichtbaarVoor = (regime: string, ontvangen: Date) => (v: GelogdeVerstrekking) =>
  regime !== 'Wpg' || Date.parse(v.regel.tijd) >= terugkijkVan(ontvangen).getTime();

/**
 * For the officer: where a withheld item's category still shows in the listed disclosures. A logged body
 * cannot be redacted without breaking its proof, so whether to list such an entry is the officer's call.
 */
function markeerZichtbaar(weggelaten: InzageBron['weggelaten'], gelogd: GelogdeVerstrekking[], ontvangers: number[]) {
  for (const w of weggelaten)
    w.zichtbaarIn = gelogd
      .filter((v) => ontvangers.includes(v.index) && w.categorie && v.regel.categorieen.includes(w.categorie))
      .map((v) => v.index);
}

/**
 * The access report (AVG art. 15) about one person: per source partner and regime its data (minus
 * withheld items), purposes, legal bases, categories with retention, and the recipients from the log;
 * every listed disclosure with its leaf body and inclusion proof to a signed checkpoint.
 */
export async function bouwInzagerapport(deps: RapportDeps, vraag: RapportVraag): Promise<Inzagerapport> {
  const { peildatum, weglatingen, voor = 'betrokkene' } = vraag;
  const ontvangen = vraag.ontvangen ?? peildatum;
  const records = vraag.betrokkeneIds;
  const refs = new Set(records.map((id) => deps.dp.subjectRef(id)));
  const gelogd = await verstrekkingenUitLog(deps.ledger, refs, peildatum);
  const perBron = gegevensVanPersoon(deps.dp, await deps.store.inzage.itemsAbout(records), weglatingen, voor);
  const bronIds = [...new Set([...perBron.keys(), ...gelogd.flatMap((v) => v.regel.bronnen)])].sort();
  const ontvangerIds = gelogd.map((v) => v.regel.ontvanger.partner);
  const partners = new Map(
    (await deps.store.partners.findByIds([...new Set([...bronIds, ...ontvangerIds])])).map((p) => [p.id, p]),
  );
  const covenant = deps.policy.covenant();
  const listed = new Set(gelogd.filter((v) => v.regel.bronnen.length === 0).map((v) => v.index));
  const bronnen: InzageBron[] = bronIds.map((id) => {
    const partner = partners.get(id);
    const regime = partner?.regime ?? 'AVG';
    const { gegevens, weggelaten } = perBron.get(id) ?? { gegevens: [], weggelaten: [] };
    const ontvangers = gelogd
      .filter((v) => v.regel.bronnen.includes(id))
      .filter(zichtbaarVoor(regime, ontvangen))
      .map((v) => v.index);
    ontvangers.forEach((i) => listed.add(i));
    if (voor === 'functionaris') markeerZichtbaar(weggelaten, gelogd, ontvangers);
    return {
      partner: id,
      naam: partner?.naam ?? id,
      regime,
      ...(regime === 'Wpg'
        ? { terugkijkperiode: { van: terugkijkVan(ontvangen).toISOString(), tot: peildatum.toISOString() } }
        : {}),
      ...bronBeschrijving(covenant, { id, soort: partner?.soort ?? '' }, gegevens),
      gegevens,
      weggelaten,
      ontvangers,
    };
  });
  const getoond = gelogd.filter((v) => listed.has(v.index));
  const bewijs = await logbewijs(
    deps,
    getoond.map((v) => v.index),
  );
  const verstrekkingen: InzageVerstrekking[] = getoond.map(({ index, leafHash, logRegel, regel }) => ({
    index,
    leafHash,
    tijd: regel.tijd,
    soort: regel.soort,
    ontvanger: {
      partner: regel.ontvanger.partner,
      naam: partners.get(regel.ontvanger.partner)?.naam ?? regel.ontvanger.partner,
      rol: regel.ontvanger.actor.rol,
    },
    doel: regel.doel,
    categorieen: regel.categorieen,
    bronnen: regel.bronnen,
    logRegel,
    bewijs: bewijs.bewijzen.get(index)!,
  }));
  const voorstellen = (await deps.store.inzage.koppelvoorstellenOver(records)).map((k) => ({
    id: k.id,
    status: k.status,
    score: k.score,
    overeenkomsten: k.overeenkomsten,
    aangemaaktOp: k.aangemaaktOp.toISOString(),
    besluitDoor: k.besluitDoor,
    besluitOp: k.besluitOp?.toISOString() ?? null,
  }));
  return {
    versie: 1,
    voor,
    peildatum: peildatum.toISOString(),
    opgesteldOp: deps.clock.now().toISOString(),
    bronnen,
    verstrekkingen,
    logbewijs: bewijs.logbewijs,
    rechten,
    klacht,
    geautomatiseerd: { uitleg: uitlegKoppelen, voorstellen },
    volledigheid: uitlegVolledigheid,
  };
}
