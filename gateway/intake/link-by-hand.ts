import { randomUUID } from 'node:crypto';
import type { Repositories } from '../../adapters/store/repositories.js';
import { DomainError } from '../errors/domain-error.js';
import type { Caller, UseCaseDeps } from '../use-case-deps.js';
import { audited, koppelvoorstelView } from './koppelvoorstellen.js';

/** The person a record belongs to now (merges followed), refusing missing and erased records. */
async function personOf(tx: Repositories, id: string, pointer: string): Promise<{ root: string; heeftBsn: boolean }> {
  const status = await tx.betrokkenen.bsnStatus(id);
  if (!status) throw new DomainError('not-found', 'Deze betrokkene bestaat niet.');
  const root = await tx.betrokkenen.canonical(id);
  const rootStatus = root === id ? status : await tx.betrokkenen.bsnStatus(root);
  if (status.gewist || rootStatus?.gewist)
    throw new DomainError('conflict', 'De gegevens van deze betrokkene zijn gewist.', {
      invalidParams: [{ name: pointer, reason: 'gewist' }],
    });
  return { root, heeftBsn: status.heeftBsn || !!rootStatus?.heeftBsn };
}

/**
 * The procesregisseur links two records of one person by hand (a match the scoring missed), with a
 * motivation. Like a merge of a proposal it never deletes: record A's person points at B's
 * (`samengevoegdIn`), a split (`splitBetrokkene`) undoes it, and both are audited. An existing proposal
 * between the two is settled by it (in its own direction, so a split finds it); two records with a BSN
 * each are two people and are never linked.
 */
export async function linkBetrokkenenByHand(
  deps: Pick<UseCaseDeps, 'store' | 'clock'>,
  caller: Caller,
  body: { betrokkeneA: string; betrokkeneB: string; motivering: string },
) {
  const now = deps.clock.now();
  const besluitDoor = `${caller.partner.id}/${caller.actor.id}`;
  return deps.store.transaction(async (tx) => {
    const a = await personOf(tx, body.betrokkeneA, '/betrokkeneA');
    const b = await personOf(tx, body.betrokkeneB, '/betrokkeneB');
    if (a.root === b.root) throw new DomainError('conflict', 'Deze records zijn al één persoon.');
    if (a.heeftBsn && b.heeftBsn)
      throw new DomainError('conflict', 'Twee records met elk een BSN zijn twee personen; koppelen kan niet.');
    const existing = await tx.koppelvoorstellen.findBetween(a.root, b.root);
    const [from, to] = existing ? [existing.betrokkeneId, existing.kandidaatId] : [a.root, b.root];
    await tx.betrokkenen.setMergedInto(from, to);
    const settled = existing
      ? await tx.koppelvoorstellen.decide(existing.id, { status: 'samengevoegd', besluitDoor, besluitOp: now })
      : await tx.koppelvoorstellen.create(
          {
            id: randomUUID(),
            betrokkeneId: from,
            kandidaatId: to,
            reden: 'handmatig',
            status: 'samengevoegd',
            besluitDoor,
            besluitOp: now,
          },
          now,
        );
    await tx.audit.record(audited(caller, `koppelen: ${body.motivering.slice(0, 500)}`), now);
    return koppelvoorstelView(settled);
  });
}
