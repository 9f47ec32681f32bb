import type { Ledger } from '../../../adapters/ledger/ledger.js';
import type { Caller } from '../../caller.js';
import { DomainError } from '../../errors/domain-error.js';
import type { UseCaseDeps } from '../../use-case-deps.js';
import { beperkVerwerking, type BeperkingSoort } from '../uitvoering/beperk-verwerking.js';
import { betwistItem, type Gewenst } from '../uitvoering/betwist-item.js';
import { informeerOntvangers } from '../uitvoering/informeer-ontvangers.js';
import type { KennisgevingDeps } from '../uitvoering/kennisgeving.js';
import { wisBetrokkene } from '../uitvoering/wis-betrokkene.js';
import { betrokkenenVanVerzoek } from './betrokkenen-van-verzoek.js';
import {
  BEGONNEN,
  eerderBegonnen,
  eerdereUitvoering,
  legVast,
  UITGEVOERD,
  type Begin,
  type UitvoeringsUitkomst,
} from './uitvoering-historie.js';
import { vindVerzoek } from './vind-verzoek.js';

export type UitvoeringDeps = UseCaseDeps & KennisgevingDeps & { ledger: Pick<Ledger, 'size' | 'entries'> };

export interface Uitvoering {
  items?: string[];
  doelen?: string[];
  item?: string;
  gewenst?: Gewenst;
}

type Gedaan = Pick<UitvoeringsUitkomst, 'gedaan' | 'geweigerd' | 'beperkingen' | 'rectificatie'>;

/** What each soort may be told; anything else is refused rather than ignored (an erasure of "some items" would erase all). */
const VELDEN: Record<string, (keyof Uitvoering)[]> = {
  wissing: [],
  beperking: ['items'],
  bezwaar: ['items', 'doelen'],
  rectificatie: ['item', 'gewenst'],
};

function alleenVeldenVan(soort: string, body: Uitvoering): void {
  if (soort === 'rectificatie' && (!body.item || !body.gewenst))
    throw new DomainError('invalid-request', 'Een rectificatie noemt het item en wat het moet zijn.', {
      invalidParams: [{ name: '/item', reason: 'item en gewenst zijn verplicht bij rectificatie' }],
    });
  const extra = Object.keys(body).filter((k) => !(VELDEN[soort] ?? []).includes(k as keyof Uitvoering));
  if (extra.length > 0)
    throw new DomainError('invalid-request', `Een ${soort}sverzoek kent deze velden niet.`, {
      invalidParams: extra.map((k) => ({ name: `/${k}`, reason: `niet bij ${soort}` })),
    });
}

/** States in which the request is being handled (an extended one still is). */
const UITVOERBAAR = ['in-behandeling', 'verlengd'];

/** The items an erasure acts on: everything not yet erased about the persons' records. */
async function teWissen(deps: UitvoeringDeps, personen: string[]): Promise<string[]> {
  const records: string[] = [];
  for (const p of personen) records.push(...(await deps.store.betrokkenen.recordsOfPerson(p)));
  return (await deps.store.informatie.aboutRecords(records)).filter((i) => !i.gewistOp).map((i) => i.id);
}

/** Erased: what the erasure set out to erase (recorded first, see BEGONNEN) less what it had to keep. */
async function wis(deps: UitvoeringDeps, door: string, verzoekId: string, begin: Begin): Promise<Gedaan> {
  const geweigerd: Gedaan['geweigerd'] = [];
  for (const betrokkeneId of begin.personen)
    geweigerd.push(...(await wisBetrokkene(deps, { betrokkeneId, verzoekId, door })).geweigerd);
  const kept = new Set(geweigerd.map((g) => g.item));
  return { gedaan: begin.items.filter((i) => !kept.has(i)), geweigerd, beperkingen: [] };
}

/** Which of the person's records each named item is about; an item about someone else is refused. */
async function itemsPerPersoon(deps: UitvoeringDeps, personen: string[], items: string[]) {
  const perPersoon = new Map<string, string[]>();
  const owners = new Map<string, string>();
  for (const p of personen) for (const r of await deps.store.betrokkenen.recordsOfPerson(p)) owners.set(r, p);
  const vreemd: string[] = [];
  for (const id of items) {
    const item = await deps.store.informatie.find(id);
    const p = item?.betrokkeneId ? owners.get(item.betrokkeneId) : undefined;
    if (!p) vreemd.push(id);
    else perPersoon.set(p, [...(perPersoon.get(p) ?? []), id]);
  }
  if (vreemd.length > 0)
    throw new DomainError('invalid-request', 'Niet elk item gaat over de persoon van dit verzoek.', {
      invalidParams: vreemd.map((id) => ({ name: '/items', reason: `onbekend item ${id}` })),
    });
  return perPersoon;
}

async function beperk(
  deps: UitvoeringDeps,
  door: string,
  verzoekId: string,
  personen: string[],
  soort: BeperkingSoort,
  body: Uitvoering,
): Promise<Gedaan> {
  const out: Gedaan = { gedaan: [], geweigerd: [], beperkingen: [] };
  const perPersoon = body.items?.length ? await itemsPerPersoon(deps, personen, body.items) : undefined;
  for (const betrokkeneId of perPersoon ? [...perPersoon.keys()] : personen) {
    const itemIds = perPersoon?.get(betrokkeneId);
    const ids = await beperkVerwerking(deps, { verzoekId, betrokkeneId, soort, door, itemIds, doelen: body.doelen });
    out.beperkingen.push(...ids);
    const records = await deps.store.betrokkenen.recordsOfPerson(betrokkeneId);
    out.gedaan.push(
      ...(itemIds ?? (await deps.store.informatie.aboutRecords(records)).filter((i) => !i.gewistOp).map((i) => i.id)),
    );
  }
  return out;
}

async function betwist(deps: UitvoeringDeps, door: string, verzoekId: string, personen: string[], body: Uitvoering) {
  const item = body.item!;
  await itemsPerPersoon(deps, personen, [item]);
  const r = await betwistItem(deps, { verzoekId, itemId: item, gewenst: body.gewenst!, door });
  return { gedaan: [item], geweigerd: [], beperkingen: [r.beperkingId], rectificatie: r.rectificatieId };
}

/**
 * Carries out an erasure, restriction, objection or rectification request for the request's person
 * (every record matched by the keyed BSN pseudonym), tells every partner the log shows received an
 * erased or restricted item (AVG art. 19), and records what was done and who was told in the request's
 * history. Carried out once: a retry answers the recorded outcome. A rectification's recipients are
 * told when the source partner accepts it (`legRectificatieAntwoordVast`).
 */
export async function voerVerzoekUit(
  deps: UitvoeringDeps,
  caller: Caller,
  id: string,
  body: Uitvoering,
): Promise<UitvoeringsUitkomst> {
  const r = await vindVerzoek(deps.store, { alles: true }, id);
  const eerder = await eerdereUitvoering(deps, r);
  if (eerder) return eerder;
  if (!UITVOERBAAR.includes(r.status))
    throw new DomainError(
      'conflict',
      `Een verzoek wordt alleen uitgevoerd als het in behandeling is; dit verzoek is ${r.status}.`,
    );
  if (r.soort === 'inzage')
    throw new DomainError('conflict', 'Een inzageverzoek wordt beantwoord met het inzagerapport, niet uitgevoerd.');
  alleenVeldenVan(r.soort, body);
  let begin = await eerderBegonnen(deps, r);
  if (!begin) {
    const personen = await betrokkenenVanVerzoek(deps, id);
    const nieuw = { personen, items: r.soort === 'wissing' ? await teWissen(deps, personen) : [] };
    await deps.store.transaction((tx) => legVast(deps, tx, r, caller, BEGONNEN, nieuw, deps.clock.now()));
    begin = nieuw;
  }
  const { personen } = begin;
  const door = `${caller.partner.id}/${caller.actor.id}`;
  let gedaan: Gedaan;
  if (r.soort === 'wissing') gedaan = await wis(deps, door, id, begin);
  else if (r.soort === 'rectificatie') gedaan = await betwist(deps, door, id, personen, body);
  else gedaan = await beperk(deps, door, id, personen, r.soort === 'bezwaar' ? 'bezwaar' : 'beperking', body);
  // An objection stops processing for some purposes; art. 19 names rectification, erasure and restriction.
  const geinformeerd =
    r.soort === 'wissing' || r.soort === 'beperking'
      ? await informeerOntvangers(deps, { verzoekId: id, itemIds: gedaan.gedaan, soort: r.soort })
      : [];
  const at = deps.clock.now();
  const uitkomst: UitvoeringsUitkomst = {
    verzoek: id,
    soort: r.soort,
    uitgevoerdOp: at.toISOString(),
    ...gedaan,
    gedaan: [...gedaan.gedaan].sort(),
    geweigerd: [...gedaan.geweigerd].sort((a, b) => a.item.localeCompare(b.item)),
    geinformeerd,
    herhaald: false,
  };
  await deps.store.transaction((tx) => legVast(deps, tx, r, caller, UITGEVOERD, { ...uitkomst }, at));
  return uitkomst;
}
