import type { Ledger } from '../../../adapters/ledger/ledger.js';
import type { UseCaseDeps } from '../../use-case-deps.js';
import type { PersoonVerstrekking } from '../../disclosure/per-persoon.js';
import { plaatsKennisgeving, type KennisgevingDeps, type KennisgevingSoort } from './kennisgeving.js';

const PAGE = 2000;

/** Per recipient partner, which of these items the log shows it received (refusals never count). */
export async function ontvangersVanItems(
  ledger: Pick<Ledger, 'size' | 'entries'>,
  itemIds: string[],
): Promise<Map<string, Set<string>>> {
  const wanted = new Set(itemIds);
  const out = new Map<string, Set<string>>();
  const size = await ledger.size();
  for (let from = 0; from < size; from += PAGE) {
    for (const stored of await ledger.entries(from, Math.min(size, from + PAGE))) {
      const e = JSON.parse(stored.body) as {
        soort: string;
        ontvanger: { partner: string };
        details?: { perPersoon?: PersoonVerstrekking[] };
      };
      if (e.soort === 'weigering') continue;
      const got = (e.details?.perPersoon ?? []).flatMap((p) => p.items).filter((i) => wanted.has(i));
      if (got.length === 0) continue;
      const set = out.get(e.ontvanger.partner) ?? new Set<string>();
      got.forEach((i) => set.add(i));
      out.set(e.ontvanger.partner, set);
    }
  }
  return out;
}

/**
 * AVG art. 19: after a rectification, erasure or restriction, every partner the disclosure log shows
 * received one of these items gets a signed notice naming the items it received (and a webhook through
 * the outbox, retried until delivered). Returns the partners told, so the person can be told who they
 * are. Only what the log shows counts: a recipient is never guessed.
 */
export async function informeerOntvangers(
  deps: UseCaseDeps & KennisgevingDeps & { ledger: Pick<Ledger, 'size' | 'entries'> },
  input: { verzoekId: string; itemIds: string[]; soort: Exclude<KennisgevingSoort, 'rectificatieverzoek'> },
): Promise<string[]> {
  const ontvangers = await ontvangersVanItems(deps.ledger, input.itemIds);
  const at = deps.clock.now();
  await deps.store.transaction(async (tx) => {
    for (const [partnerId, items] of ontvangers)
      await plaatsKennisgeving(deps, tx, {
        verzoekId: input.verzoekId,
        partnerId,
        soort: input.soort,
        itemIds: [...items].sort(),
        at,
      });
  });
  return [...ontvangers.keys()].sort();
}
