import type { CasusRecord } from '../../adapters/store/casus-repository.js';
import type { InformatieViewRow as Row } from '../../adapters/store/informatie-repository.js';
import type { UseCaseDeps } from '../use-case-deps.js';
import type { Candidate, Gathered } from './pull-views.js';

export type CasusFacts = Pick<CasusRecord, 'id' | 'fase' | 'codeRood' | 'aanmelderId'>;

/**
 * The informatie view, the most requested read, from one query (see the informatie repository): the
 * casus only when `partnerId` takes part (otherwise null, exactly as for a missing casus), its items,
 * and their owners' data keys, each unwrapped once. An item's `inhoud` and each of its named `velden`
 * are fields masking can remove one by one.
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
  // An item about the casus as a whole is about every person of the casus (asked only when there is one).
  const casusWide = rows.some((r) => r.id !== null && !r.betrokkeneId)
    ? (await deps.store.casussen.betrokkenenOf(casusId)).map((b) => b.betrokkeneId)
    : [];
  const candidates: Candidate[] = [];
  for (const item of rows) {
    if (item.id === null) continue; // the casus has no items: its one row carries only the casus
    // Erased content (the item's own mark, or a destroyed data key) reads as `gewist`, never as garbage.
    const erased = !!item.gewistOp || (item.versleuteld && !keyOf(item));
    const key = item.versleuteld && !erased ? keyOf(item) : undefined;
    const open = (text: string | null, aad: string) =>
      text === null || erased ? undefined : item.versleuteld ? deps.dp.decrypt(key!, text, aad) : text;
    const inhoud = open(item.inhoud, `item:${item.id}`);
    const velden = JSON.parse(open(item.velden, `item-velden:${item.id}`) ?? '{}') as Record<string, string>;
    candidates.push({
      bron: item.bronPartnerId!,
      categorieen: [item.categorie!],
      subjects: item.betrokkeneId ? [item.betrokkeneId] : casusWide,
      item: item.id,
      toestemming: item.toestemming !== null,
      velden: Object.fromEntries(['inhoud', ...Object.keys(velden)].map((v) => [v, []])),
      render: (weg, gemaskeerd) => {
        const shown = Object.entries(velden).filter(([k]) => !weg.has(k));
        return {
          id: item.id,
          categorie: item.categorie,
          leefgebied: item.leefgebied,
          betrokkene: item.betrokkeneId,
          bron: item.bronPartnerId,
          grondslag: item.grondslag,
          ontvangenOp: item.ontvangenOp!.toISOString(),
          ...(inhoud !== undefined && !weg.has('inhoud') ? { inhoud } : {}),
          ...(shown.length > 0 ? { velden: Object.fromEntries(shown) } : {}),
          ...(gemaskeerd.length > 0 ? { gemaskeerd } : {}),
          ...(erased ? { gewist: true } : {}),
        };
      },
    });
  }
  return {
    casus,
    gathered: {
      candidates,
      // Only a clear no skips the lookup (0 on SQLite, false on PostgreSQL); anything else looks.
      unrestricted: [false, 0, 0n].includes(first.beperkingMogelijk),
      shape: (parts) => ({ items: parts.map((p) => p.value) }),
    },
  };
}
