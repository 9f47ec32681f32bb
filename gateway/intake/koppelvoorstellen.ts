import type { KoppelvoorstelRecord } from '../../adapters/store/koppelvoorstel-repository.js';
import { DomainError } from '../errors/domain-error.js';
import type { Caller, UseCaseDeps } from '../use-case-deps.js';

/** A proposal as the contract shows it (Koppelvoorstel): ids, score and what agreed — no person data. */
export const koppelvoorstelView = (k: KoppelvoorstelRecord) => ({
  id: k.id,
  betrokkene: k.betrokkeneId,
  kandidaat: k.kandidaatId,
  reden: k.reden,
  status: k.status,
  score: k.score,
  overeenkomsten: k.overeenkomsten,
});
const view = koppelvoorstelView;

/** An audit event of a linking decision: ids and the motivation, never person data. */
export const audited = (caller: Caller, reden: string) => ({
  soort: 'koppeling',
  reden,
  partnerId: caller.partner.id,
  actor: caller.actor.id,
});

/**
 * Merging never deletes: the newer record points at the candidate (`samengevoegdIn`), and everything
 * linked to it is read through that pointer. A split clears the pointer again. Both are audited.
 */
export async function decideKoppelvoorstel(
  deps: Pick<UseCaseDeps, 'store' | 'clock'>,
  caller: Caller,
  id: string,
  besluit: 'samenvoegen' | 'afwijzen',
  motivering: string,
) {
  const now = deps.clock.now();
  return deps.store.transaction(async (tx) => {
    const k = await tx.koppelvoorstellen.findById(id);
    if (!k) throw new DomainError('not-found', 'Dit koppelvoorstel bestaat niet.');
    if (k.status !== 'open') throw new DomainError('conflict', `Dit koppelvoorstel is al ${k.status}.`);
    if (besluit === 'samenvoegen') {
      const record = await tx.betrokkenen.mergedInto(k.betrokkeneId);
      const [mine, theirs] = [
        await tx.betrokkenen.canonical(k.betrokkeneId),
        await tx.betrokkenen.canonical(k.kandidaatId),
      ];
      if (theirs === k.betrokkeneId)
        throw new DomainError('conflict', 'De kandidaat is al in deze betrokkene samengevoegd.');
      // Already one person through an earlier merge: the proposal is settled without another pointer.
      if (mine !== theirs) {
        if (record?.samengevoegdIn)
          throw new DomainError('conflict', 'Deze betrokkene is al met een ander persoon samengevoegd; splits eerst.');
        await tx.betrokkenen.setMergedInto(k.betrokkeneId, k.kandidaatId);
      }
    }
    const updated = await tx.koppelvoorstellen.decide(id, {
      status: besluit === 'samenvoegen' ? 'samengevoegd' : 'afgewezen',
      besluitDoor: `${caller.partner.id}/${caller.actor.id}`,
      besluitOp: now,
    });
    await tx.audit.record(audited(caller, `${besluit}: ${motivering.slice(0, 500)}`), now);
    return view(updated);
  });
}

export async function splitBetrokkene(
  deps: Pick<UseCaseDeps, 'store' | 'clock'>,
  caller: Caller,
  betrokkeneId: string,
  motivering: string,
) {
  const now = deps.clock.now();
  return deps.store.transaction(async (tx) => {
    const b = await tx.betrokkenen.mergedInto(betrokkeneId);
    if (!b) throw new DomainError('not-found', 'Deze betrokkene bestaat niet.');
    if (!b.samengevoegdIn) throw new DomainError('conflict', 'Deze betrokkene is niet samengevoegd.');
    await tx.betrokkenen.setMergedInto(betrokkeneId, null);
    await tx.koppelvoorstellen.unmerge(betrokkeneId, b.samengevoegdIn, {
      besluitDoor: `${caller.partner.id}/${caller.actor.id}`,
      besluitOp: now,
    });
    await tx.audit.record(audited(caller, `splitsen: ${motivering.slice(0, 500)}`), now);
    return { betrokkene: betrokkeneId, was: b.samengevoegdIn };
  });
}
