import { randomUUID } from 'node:crypto';
import { DomainError } from '../../errors/domain-error.js';
import type { UseCaseDeps } from '../../use-case-deps.js';
import { plaatsKennisgeving, type KennisgevingDeps } from './kennisgeving.js';

/** What the person says the item should say: the whole content and/or some named fields. */
export interface Gewenst {
  inhoud?: string;
  velden?: Record<string, string>;
}

/**
 * Rectification (AVG art. 16): the item is marked disputed and withheld while the source partner — the
 * controller, who alone can correct it — decides; the wished value is sealed under the person's data
 * key; the source partner gets a signed notice and a webhook, and answers through the API.
 */
export async function betwistItem(
  deps: UseCaseDeps & KennisgevingDeps,
  input: { verzoekId: string; itemId: string; gewenst: Gewenst; door: string },
): Promise<{ rectificatieId: string; beperkingId: string; bronPartnerId: string }> {
  const item = await deps.store.informatie.find(input.itemId);
  if (!item) throw new DomainError('not-found', 'Dit item bestaat niet.');
  if (!item.betrokkeneId || item.gewistOp)
    throw new DomainError('conflict', 'Dit item hoort bij geen (niet-gewiste) betrokkene.');
  const wrapped = await deps.store.betrokkenen.dataSleutel(item.betrokkeneId);
  if (!wrapped) throw new DomainError('conflict', 'De gegevens van deze betrokkene zijn gewist.');
  if (input.gewenst.inhoud === undefined && !input.gewenst.velden)
    throw new DomainError('invalid-request', 'Zeg wat het item moet zijn.', {
      invalidParams: [{ name: 'gewenst', reason: 'inhoud of velden' }],
    });
  const rectificatieId = randomUUID();
  const beperkingId = randomUUID();
  const at = deps.clock.now();
  const gewenstVersleuteld = deps.dp.encrypt(
    deps.dp.unwrapDataKey(wrapped),
    JSON.stringify(input.gewenst),
    `rectificatie:${rectificatieId}`,
  );
  await deps.store.transaction(async (tx) => {
    await tx.beperkingen.add({
      id: beperkingId,
      verzoekId: input.verzoekId,
      betrokkeneId: item.betrokkeneId!,
      itemId: item.id,
      soort: 'betwist',
      doelen: null,
      door: input.door,
      sinds: at,
    });
    await tx.rectificaties.add({
      id: rectificatieId,
      verzoekId: input.verzoekId,
      itemId: item.id,
      bronPartnerId: item.bronPartnerId,
      gewenstVersleuteld,
      door: input.door,
      aangemaaktOp: at,
    });
    await plaatsKennisgeving(deps, tx, {
      verzoekId: input.verzoekId,
      partnerId: item.bronPartnerId,
      soort: 'rectificatieverzoek',
      itemIds: [item.id],
      at,
    });
  });
  return { rectificatieId, beperkingId, bronPartnerId: item.bronPartnerId };
}
