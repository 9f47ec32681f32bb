import type { DataProtection } from '../../../adapters/crypto/data-protection.js';
import type { InformatieRecord } from '../../../adapters/store/informatie-repository.js';

/** An item's content in the clear. */
export interface OpenInhoud {
  inhoud: string;
  velden: string | null;
}

/** Opens an item's content with its owner's data key (plain items are returned as stored). */
export function openItem(dp: DataProtection, key: Buffer | undefined, item: InformatieRecord): OpenInhoud {
  if (!item.versleuteld) return { inhoud: item.inhoud, velden: item.velden };
  if (!key) throw new Error(`no data key for item ${item.id}`);
  return {
    inhoud: dp.decrypt(key, item.inhoud, `item:${item.id}`),
    velden: item.velden === null ? null : dp.decrypt(key, item.velden, `item-velden:${item.id}`),
  };
}

/** Seals an item's content under a data key, with the same contexts intake uses. */
export function sealItem(
  dp: DataProtection,
  key: Buffer,
  id: string,
  c: OpenInhoud,
): Pick<InformatieRecord, 'inhoud' | 'velden' | 'versleuteld'> {
  return {
    inhoud: dp.encrypt(key, c.inhoud, `item:${id}`),
    velden: c.velden === null ? null : dp.encrypt(key, c.velden, `item-velden:${id}`),
    versleuteld: true,
  };
}
