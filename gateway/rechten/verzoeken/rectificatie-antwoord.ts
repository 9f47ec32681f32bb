import type { Caller } from '../../caller.js';
import { informeerOntvangers } from '../uitvoering/informeer-ontvangers.js';
import type { UitvoeringDeps } from './uitvoeren.js';
import { legVast } from './uitvoering-historie.js';

/**
 * After the source partner answered a rectification: the request's history gets the outcome, and when
 * it was accepted every partner the log shows received the item is told (AVG art. 19). Returns them.
 */
export async function legRectificatieAntwoordVast(
  deps: UitvoeringDeps,
  caller: Caller,
  antwoord: { id: string; status: 'aanvaard' | 'afgewezen'; item: string },
): Promise<string[]> {
  const rect = (await deps.store.rectificaties.findOf(antwoord.id, caller.partner.id))!;
  const r = await deps.store.rechtenverzoeken.findById(rect.verzoekId);
  if (!r) return [];
  const geinformeerd =
    antwoord.status === 'aanvaard'
      ? await informeerOntvangers(deps, { verzoekId: r.id, itemIds: [antwoord.item], soort: 'rectificatie' })
      : [];
  await deps.store.transaction((tx) =>
    legVast(
      deps,
      tx,
      r,
      caller,
      `rectificatie-${antwoord.status}`,
      { rectificatie: antwoord.id, item: antwoord.item, geinformeerd },
      deps.clock.now(),
    ),
  );
  return geinformeerd;
}
