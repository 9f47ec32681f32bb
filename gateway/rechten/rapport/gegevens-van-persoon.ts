import type { DataProtection } from '../../../adapters/crypto/data-protection.js';
import type { InzageItem } from '../../../adapters/store/inzage-repository.js';
import type { InzageBron, RapportVoor, Weglating } from './inzagerapport-types.js';

export type Gegeven = InzageBron['gegevens'][number];
export type Weggelaten = InzageBron['weggelaten'][number];

/** An item as its source supplied it, decrypted under the person's data key; erased content is marked, not shown. */
function ontsleutel(dp: DataProtection, item: InzageItem, keys: Map<string, Buffer | undefined>): Gegeven {
  const owner = item.betrokkeneId ?? '';
  if (item.versleuteld && !keys.has(owner))
    keys.set(owner, item.dataSleutel ? dp.unwrapDataKey(item.dataSleutel) : undefined);
  const key = keys.get(owner);
  const base = {
    id: item.id,
    casus: item.casusId,
    categorie: item.categorie,
    ...(item.leefgebied ? { leefgebied: item.leefgebied } : {}),
    grondslag: item.grondslag,
    doel: item.doelVerzameling,
    ontvangenOp: item.ontvangenOp.toISOString(),
  };
  if (item.versleuteld && !key) return { ...base, gewist: true };
  const open = (text: string, aad: string) => (item.versleuteld ? dp.decrypt(key!, text, aad) : text);
  const velden = item.velden
    ? (JSON.parse(open(item.velden, `item-velden:${item.id}`)) as Record<string, string>)
    : undefined;
  return { ...base, inhoud: open(item.inhoud, `item:${item.id}`), ...(velden ? { velden } : {}) };
}

/**
 * The person's items per source partner, minus withheld ones. A withheld item is never in the data;
 * the person's copy says that something was withheld, and on which ground, only when `vermelden`
 * (without naming the item or its category: that alone could tell what exists); the privacy officer's
 * copy shows every withheld item with its ground.
 */
export function gegevensVanPersoon(
  dp: DataProtection,
  items: InzageItem[],
  weglatingen: Weglating[],
  voor: RapportVoor,
): Map<string, { gegevens: Gegeven[]; weggelaten: Weggelaten[] }> {
  const withheld = new Map(weglatingen.map((w) => [w.itemId, w]));
  const keys = new Map<string, Buffer | undefined>();
  const out = new Map<string, { gegevens: Gegeven[]; weggelaten: Weggelaten[] }>();
  for (const item of items) {
    const bron = out.get(item.bronPartnerId) ?? { gegevens: [], weggelaten: [] };
    out.set(item.bronPartnerId, bron);
    const w = withheld.get(item.id);
    if (!w) bron.gegevens.push(ontsleutel(dp, item, keys));
    else if (voor === 'functionaris')
      bron.weggelaten.push({ itemId: item.id, categorie: item.categorie, ...grondVan(w), vermelden: w.vermelden });
    else if (w.vermelden) bron.weggelaten.push(grondVan(w));
  }
  return out;
}

function grondVan(w: Weglating): Weggelaten {
  return {
    grond: w.grond,
    label: w.label,
    artikel: w.artikel,
    ...(w.toelichting !== undefined ? { toelichting: w.toelichting } : {}),
  };
}
