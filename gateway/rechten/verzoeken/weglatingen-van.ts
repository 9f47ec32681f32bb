import type { UseCaseDeps } from '../../use-case-deps.js';
import { weigeringsgrond } from '../weigeringsgronden.js';
import { verzoekTekst } from './verzoek-tekst.js';

export interface Weglating {
  itemId: string;
  grond: string;
  label: string;
  artikel: string;
  vermelden: boolean;
  toelichting?: string;
}

export interface WeglatingWeergave extends Weglating {
  id: string;
}

/**
 * The items withheld from the answer to a request (withdrawn ones left out), with their ground's label
 * and article: the input the access report takes. `alleenVanPartner` narrows them to items that partner
 * supplied (what a partner's privacy officer may see).
 */
export async function weglatingenVan(
  deps: Pick<UseCaseDeps, 'store' | 'dp'>,
  verzoekId: string,
  alleenVanPartner?: string,
): Promise<WeglatingWeergave[]> {
  const r = await deps.store.rechtenverzoeken.findById(verzoekId);
  if (!r) return [];
  const tekst = verzoekTekst(deps.dp, r.id, r.dataSleutel);
  const rows = await deps.store.rechtenverzoeken.weglatingen(verzoekId);
  const result: WeglatingWeergave[] = [];
  for (const w of rows) {
    if (alleenVanPartner && (await deps.store.rechtenverzoeken.item(w.itemId))?.bronPartnerId !== alleenVanPartner)
      continue;
    const grond = weigeringsgrond(w.grond);
    const toelichting = tekst.open(w.toelichtingVersleuteld, `weglating:${w.id}`);
    result.push({
      id: w.id,
      itemId: w.itemId,
      grond: w.grond,
      label: grond?.label ?? w.grond,
      artikel: grond?.artikel ?? '',
      vermelden: w.vermelden,
      ...(toelichting === undefined ? {} : { toelichting }),
    });
  }
  return result;
}
