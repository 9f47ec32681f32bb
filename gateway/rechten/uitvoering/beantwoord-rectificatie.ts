import type { RectificatieRecord } from '../../../adapters/store/rectificatie-repository.js';
import { DomainError } from '../../errors/domain-error.js';
import type { Caller, UseCaseDeps } from '../../use-case-deps.js';
import type { Gewenst } from './betwist-item.js';
import { openItem, sealItem } from './item-inhoud.js';

export type Antwoord = { besluit: 'aanvaard'; gecorrigeerd: Gewenst } | { besluit: 'afgewezen'; motivering: string };

/** The source partner's own rectification; another partner's answers the same 404 as a missing one. */
export async function eigenRectificatie(deps: UseCaseDeps, caller: Caller, id: string): Promise<RectificatieRecord> {
  const r = await deps.store.rectificaties.findOf(id, caller.partner.id);
  if (!r) throw new DomainError('not-found', 'Deze rectificatie bestaat niet.');
  return r;
}

/**
 * The source partner decides. Accepted: the item gets the corrected content (the fields named replace
 * theirs, the rest stays); the replaced version is kept sealed under the person's key with the
 * rectification, because partners received it and the access report and any dispute must be able to
 * show what was corrected — erasure still shreds it with the rest. Rejected: the reasons are kept
 * (sealed: they may describe the person). Either way the dispute's restriction is lifted, and the
 * outcome stays with the request (`verzoekId`).
 */
export async function beantwoordRectificatie(
  deps: UseCaseDeps,
  caller: Caller,
  id: string,
  antwoord: Antwoord,
): Promise<{ id: string; status: 'aanvaard' | 'afgewezen'; item: string }> {
  const r = await eigenRectificatie(deps, caller, id);
  if (r.status !== 'open') throw new DomainError('conflict', 'Over deze rectificatie is al besloten.');
  const item = await deps.store.informatie.find(r.itemId);
  const wrapped = item?.betrokkeneId ? await deps.store.betrokkenen.dataSleutel(item.betrokkeneId) : null;
  if (!item || !wrapped || item.gewistOp) throw new DomainError('conflict', 'Dit item is intussen gewist.');
  const key = deps.dp.unwrapDataKey(wrapped);
  const at = deps.clock.now();
  const door = `${caller.partner.id}/${caller.actor.id}`;
  await deps.store.transaction(async (tx) => {
    if (antwoord.besluit === 'aanvaard') {
      const old = openItem(deps.dp, key, item);
      const velden = antwoord.gecorrigeerd.velden
        ? JSON.stringify({ ...(old.velden ? JSON.parse(old.velden) : {}), ...antwoord.gecorrigeerd.velden })
        : old.velden;
      await tx.informatie.setInhoud(
        item.id,
        sealItem(deps.dp, key, item.id, { inhoud: antwoord.gecorrigeerd.inhoud ?? old.inhoud, velden }),
      );
      const vorige = deps.dp.encrypt(key, JSON.stringify(old), `rectificatie-vorig:${r.id}`);
      if (
        !(await tx.rectificaties.decide(r.id, { status: 'aanvaard', motivering: null, vorigeVersleuteld: vorige, at }))
      )
        throw new DomainError('conflict', 'Over deze rectificatie is al besloten.');
    } else {
      const motivering = deps.dp.encrypt(key, antwoord.motivering, `rectificatie-motivering:${r.id}`);
      if (!(await tx.rectificaties.decide(r.id, { status: 'afgewezen', motivering, vorigeVersleuteld: null, at })))
        throw new DomainError('conflict', 'Over deze rectificatie is al besloten.');
    }
    await tx.beperkingen.liftOnItem(item.id, 'betwist', door, `rectificatie-${antwoord.besluit}`, at);
  });
  return { id: r.id, status: antwoord.besluit, item: item.id };
}
