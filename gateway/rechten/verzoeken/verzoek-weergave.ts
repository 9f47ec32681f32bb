import type { RechtenverzoekRecord } from '../../../adapters/store/rechtenverzoek-repository.js';
import type { UseCaseDeps } from '../../use-case-deps.js';
import { vindVerzoek } from './vind-verzoek.js';
import { type VerzoekScope } from './verzoek-scope.js';
import { verzoekTekst } from './verzoek-tekst.js';
import { termijnVan } from './verzoek-termijn.js';
import { weglatingenVan, type WeglatingWeergave } from './weglatingen-van.js';

/** A partner officer's own regime, or none for the ZVH's officer (who sees every regime). */
export async function eigenRegimes(
  deps: Pick<UseCaseDeps, 'store'>,
  scope: VerzoekScope,
): Promise<string[] | undefined> {
  if (scope.alles) return undefined;
  const partner = await deps.store.partners.findById(scope.partner);
  return partner ? [partner.regime] : [];
}

/**
 * The summary used in lists: the stored governing deadline for the ZVH's officer, a partner's officer's
 * own regime's deadline for a partner.
 */
export function samenvatting(r: RechtenverzoekRecord, eigen: string[] | undefined) {
  const termijn = eigen ? termijnVan(r, eigen) : { uiterlijk: r.uiterlijkOp, bepalendRegime: r.bepalendRegime };
  return {
    id: r.id,
    soort: r.soort,
    status: r.status,
    ontvangstdatum: r.ontvangstdatum,
    uiterlijk: termijn.uiterlijk,
    bepalendRegime: termijn.bepalendRegime,
    ...(r.behandelaar ? { behandelaar: r.behandelaar } : {}),
  };
}

/**
 * The whole request as the caller may see it. The ZVH's officer sees everything; a partner's officer
 * sees what its partner registered in full, and otherwise the state, its own regime's deadline and the
 * withheld items it supplied itself — never other partners' involvement, who registered it or reasons.
 */
export async function toonVerzoek(deps: UseCaseDeps, scope: VerzoekScope, id: string) {
  const r = await vindVerzoek(deps.store, scope, id);
  const eigen = await eigenRegimes(deps, scope);
  const volledig = scope.alles || r.geregistreerdDoorPartner === scope.partner;
  const tekst = verzoekTekst(deps.dp, r.id, r.dataSleutel);
  const termijn = termijnVan(r, eigen);
  const rectificatie = tekst.open(r.rectificatieVersleuteld, 'rectificatie');
  const geschiedenis = await deps.store.rechtenverzoeken.gebeurtenissen(r.id);
  const weglatingen = await weglatingenVan(deps, r.id, scope.alles ? undefined : scope.partner);
  return {
    ...samenvatting(r, eigen),
    termijn: {
      uiterlijk: termijn.uiterlijk,
      bepalendRegime: termijn.bepalendRegime,
      verlengingMaanden: r.verlengingMaanden,
      perRegime: termijn.perRegime,
    },
    ...(volledig
      ? {
          geregistreerd: {
            partner: r.geregistreerdDoorPartner,
            actor: r.geregistreerdDoorActor,
            op: r.geregistreerdOp,
          },
          identiteit: { methode: r.identiteitMethode, door: r.identiteitDoor, op: r.identiteitOp },
          ...optional('toelichting', tekst.open(r.toelichtingVersleuteld, 'toelichting')),
          ...(rectificatie
            ? { rectificatie: JSON.parse(rectificatie) as { items: string[]; gewensteCorrectie: string } }
            : {}),
        }
      : {}),
    ...(r.uitkomstCode
      ? {
          uitkomst: {
            code: r.uitkomstCode,
            ...(scope.alles ? optional('toelichting', tekst.open(r.uitkomstVersleuteld, 'uitkomst')) : {}),
          },
        }
      : {}),
    // Withholdings of other partners' items would show in a partner's history though not in its list.
    geschiedenis: geschiedenis
      .filter((g) => scope.alles || !g.soort.startsWith('weglating'))
      .map((g) => ({
        volgnummer: g.volgnummer,
        soort: g.soort,
        ...(g.vanStatus ? { van: g.vanStatus } : {}),
        ...(g.naarStatus ? { naar: g.naarStatus } : {}),
        op: g.op,
        ...(scope.alles
          ? {
              door: { partner: g.doorPartner, actor: g.doorActor },
              ...optional('reden', tekst.open(g.redenVersleuteld, 'gebeurtenis')),
            }
          : {}),
      })),
    weglatingen: weglatingen.map(weergaveVanWeglating),
  };
}

function optional<K extends string>(key: K, value: string | undefined): { [P in K]?: string } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: string };
}

function weergaveVanWeglating(w: WeglatingWeergave) {
  return {
    id: w.id,
    itemId: w.itemId,
    grond: w.grond,
    label: w.label,
    artikel: w.artikel,
    vermelden: w.vermelden,
    ...optional('toelichting', w.toelichting),
  };
}
