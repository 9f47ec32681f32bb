import type { PendingDisclosure } from '../../disclosure/disclosure-log.js';
import type { Caller, UseCaseDeps } from '../../use-case-deps.js';
import type { Gewenst } from './betwist-item.js';

export interface OpenRectificatie {
  id: string;
  verzoekId: string;
  item: string;
  casus: string;
  categorie: string;
  gewenst: Gewenst;
  aangemaaktOp: string;
}

/** The AVG article the source partner receives the wished correction under (it alone can correct). */
const DOEL = 'rectificatie';

/**
 * The source partner's open rectifications, with what the person wants the item to say. Handing the
 * wish to the controller is required by AVG art. 16 and 19 rather than by the covenant; it is still a
 * disclosure of personal data, so it is written to the disclosure log (per person, keyed references)
 * before the answer leaves.
 */
export async function openRectificaties(
  deps: UseCaseDeps,
  caller: Caller,
  traceId: string,
): Promise<PendingDisclosure<{ rectificaties: OpenRectificatie[] }>> {
  const rectificaties: OpenRectificatie[] = [];
  const perPersoon = new Map<string, { ref: string; categorieen: string[]; items: string[]; gemaskeerd: string[] }>();
  for (const r of await deps.store.rectificaties.openOf(caller.partner.id)) {
    const item = await deps.store.informatie.find(r.itemId);
    const wrapped = item?.betrokkeneId ? await deps.store.betrokkenen.dataSleutel(item.betrokkeneId) : null;
    if (!item?.betrokkeneId || !wrapped) continue; // erased meanwhile: nothing left to correct
    const gewenst = JSON.parse(
      deps.dp.decrypt(deps.dp.unwrapDataKey(wrapped), r.gewenstVersleuteld, `rectificatie:${r.id}`),
    ) as Gewenst;
    rectificaties.push({
      id: r.id,
      verzoekId: r.verzoekId,
      item: item.id,
      casus: item.casusId,
      categorie: item.categorie,
      gewenst,
      aangemaaktOp: r.aangemaaktOp.toISOString(),
    });
    const ref = deps.dp.subjectRef(item.betrokkeneId);
    const p = perPersoon.get(ref) ?? { ref, categorieen: [], items: [], gemaskeerd: [] };
    p.categorieen = [...new Set([...p.categorieen, item.categorie])].sort();
    p.items = [...p.items, item.id].sort();
    perPersoon.set(ref, p);
  }
  const personen = [...perPersoon.values()];
  const facts = {
    soort: 'verstrekking' as const,
    ontvanger: { partner: caller.partner.id, actor: caller.actor },
    bronnen: [],
    doel: DOEL,
    grondslagen: ['avg-art-16', 'avg-art-19'],
    categorieen: [...new Set(rectificaties.map((r) => r.categorie))].sort(),
    subjectRefs: personen.map((p) => p.ref),
    convenant: deps.policy.covenant()?.label ?? 'geen',
    traceId,
    details: { weergave: 'rectificaties', perPersoon: personen },
  };
  const body = { rectificaties };
  return { body, commit: (bytes: Uint8Array) => deps.disclosures.record(facts, bytes) };
}
