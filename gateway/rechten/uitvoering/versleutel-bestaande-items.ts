import type { UseCaseDeps } from '../../use-case-deps.js';
import { sealItem } from './item-inhoud.js';

const BATCH = 200;

/**
 * Seals, under the person's data key, the items about a person that were stored in plain text before
 * intake sealed every such item (only special categories were), so erasure by crypto-shredding reaches
 * them too. Items of an erased person are left to erasure. Safe to run again; returns how many it sealed.
 */
export async function versleutelBestaandeItems(deps: Pick<UseCaseDeps, 'store' | 'dp'>): Promise<number> {
  let sealed = 0;
  const skipped = new Set<string>();
  for (;;) {
    const batch = (await deps.store.informatie.plainAboutPersons(BATCH + skipped.size)).filter(
      (i) => !skipped.has(i.id),
    );
    if (batch.length === 0) return sealed;
    await deps.store.transaction(async (tx) => {
      for (const item of batch) {
        const wrapped = await tx.betrokkenen.dataSleutel(item.betrokkeneId!);
        if (!wrapped) {
          skipped.add(item.id);
          continue;
        }
        const key = deps.dp.unwrapDataKey(wrapped);
        await tx.informatie.setInhoud(
          item.id,
          sealItem(deps.dp, key, item.id, { inhoud: item.inhoud, velden: item.velden }),
        );
        sealed++;
      }
    });
  }
}
