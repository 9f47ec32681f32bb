import type { Repositories } from '../../../adapters/store/repositories.js';
import type { Caller } from '../../caller.js';
import type { UseCaseDeps } from '../../use-case-deps.js';
import { auditVerzoek } from './audit-verzoek.js';
import { verzoekTekst } from './verzoek-tekst.js';

/** What carrying out a request did: ids and ground codes only, never content. */
export interface UitvoeringsUitkomst {
  verzoek: string;
  soort: string;
  uitgevoerdOp: string;
  gedaan: string[];
  geweigerd: { item: string; grond: string }[];
  beperkingen: string[];
  rectificatie?: string;
  geinformeerd: string[];
  herhaald: boolean;
}

export const UITGEVOERD = 'uitgevoerd';

/**
 * Appends one event to the request's append-only history, its details (ids and codes) sealed under the
 * request's key like every reason there, and the same fact to the audit trail.
 */
export async function legVast(
  deps: Pick<UseCaseDeps, 'dp' | 'store'>,
  tx: Pick<Repositories, 'rechtenverzoeken' | 'audit'>,
  r: { id: string; status: string; dataSleutel: string },
  door: Caller,
  soort: string,
  details: object,
  at: Date,
): Promise<void> {
  await tx.rechtenverzoeken.appendGebeurtenis(r.id, {
    soort,
    vanStatus: null,
    naarStatus: null,
    doorPartner: door.partner.id,
    doorActor: door.actor.id,
    op: at,
    redenVersleuteld: verzoekTekst(deps.dp, r.id, r.dataSleutel).sluit(JSON.stringify(details), 'gebeurtenis'),
  });
  await auditVerzoek(tx, door, r.id, soort, at);
}

/**
 * Recorded before anything is changed: whom (and for an erasure which items) the request acts on. An
 * erasure removes what finds the person by BSN, so a retry after a failure half-way (erased, recipients
 * not yet told) must still know whom it concerned and what it erased.
 */
export const BEGONNEN = 'uitvoering-begonnen';

export interface Begin {
  personen: string[];
  items: string[];
}

/** The details of the first event of this soort in the request's history, or undefined. */
async function detailsVan<T>(
  deps: Pick<UseCaseDeps, 'dp' | 'store'>,
  r: { id: string; dataSleutel: string },
  soort: string,
): Promise<T | undefined> {
  const g = (await deps.store.rechtenverzoeken.gebeurtenissen(r.id)).find((e) => e.soort === soort);
  const tekst = g && verzoekTekst(deps.dp, r.id, r.dataSleutel).open(g.redenVersleuteld, 'gebeurtenis');
  return tekst ? (JSON.parse(tekst) as T) : undefined;
}

/** The outcome recorded when the request was carried out, or undefined: the natural guard against a retry. */
export async function eerdereUitvoering(
  deps: Pick<UseCaseDeps, 'dp' | 'store'>,
  r: { id: string; dataSleutel: string },
): Promise<UitvoeringsUitkomst | undefined> {
  const u = await detailsVan<UitvoeringsUitkomst>(deps, r, UITGEVOERD);
  return u ? { ...u, herhaald: true } : undefined;
}

export const eerderBegonnen = (deps: Pick<UseCaseDeps, 'dp' | 'store'>, r: { id: string; dataSleutel: string }) =>
  detailsVan<Begin>(deps, r, BEGONNEN);
