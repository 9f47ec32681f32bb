import type { CasusRecord } from '../../adapters/store/casus-repository.js';
import type { InformatieViewRow as Row } from '../../adapters/store/informatie-repository.js';
import type { UseCaseDeps } from '../use-case-deps.js';
import type { Candidate, Gathered } from './pull-views.js';

export type CasusFacts = Pick<CasusRecord, 'id' | 'fase' | 'codeRood' | 'aanmelderId'>;

/**
 * The informatie view, the most requested read, from one query (see the informatie repository): the
 * casus only when `partnerId` takes part (otherwise null, exactly as for a missing casus), its items,
 * and their owners' data keys, each unwrapped once.
 */
export async function informatieView(
  deps: UseCaseDeps,
  casusId: string,
  partnerId: string,
): Promise<{ casus: CasusFacts; gathered: Gathered } | null> {
  const rows = await deps.store.informatie.view(casusId, partnerId);
  const first = rows[0];
  if (!first) return null;
  const casus = {
    id: casusId,
    fase: first.casusFase,
    codeRood: first.casusCodeRood,
    aanmelderId: first.casusAanmelder,
  };
  // Each owner's data key is unwrapped once per pull.
  const keys = new Map<string, Buffer | undefined>();
  const keyOf = (row: Row) => {
    if (!keys.has(row.betrokkeneId!))
      keys.set(row.betrokkeneId!, row.dataSleutel ? deps.dp.unwrapDataKey(row.dataSleutel) : undefined);
    return keys.get(row.betrokkeneId!);
  };
  const candidates: Candidate[] = [];
  for (const item of rows) {
    if (item.id === null) continue; // the casus has no items: its one row carries only the casus
    const key = item.versleuteld ? keyOf(item) : undefined;
    // A special category whose data key was destroyed (erasure) has no content any more.
    const inhoud = !item.versleuteld
      ? item.inhoud!
      : key
        ? deps.dp.decrypt(key, item.inhoud!, `item:${item.id}`)
        : undefined;
    candidates.push({
      bron: item.bronPartnerId!,
      categorie: item.categorie!,
      subject: item.betrokkeneId ?? undefined,
      // Masking names fields inside free text that cannot be cut out reliably: any masking withholds the content.
      render: (masked) => ({
        id: item.id,
        categorie: item.categorie,
        leefgebied: item.leefgebied,
        betrokkene: item.betrokkeneId,
        bron: item.bronPartnerId,
        grondslag: item.grondslag,
        ontvangenOp: item.ontvangenOp!.toISOString(),
        ...(masked.length === 0 && inhoud !== undefined
          ? { inhoud }
          : { gemaskeerd: masked.length ? masked : ['gewist'] }),
      }),
    });
  }
  return { casus, gathered: { candidates, shape: (parts) => ({ items: parts.map((p) => p.value) }) } };
}
