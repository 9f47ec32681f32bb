import { randomUUID } from 'node:crypto';
import type { Db } from '../../adapters/store/open-store.js';
import type { Clock } from '../clock.js';
import { DomainError } from '../errors/domain-error.js';
import type { Caller } from './intake-deps.js';
import { canonical } from './link-betrokkenen.js';

const view = (k: { id: string; betrokkeneId: string; kandidaatId: string; reden: string; status: string }) => ({
  id: k.id,
  betrokkene: k.betrokkeneId,
  kandidaat: k.kandidaatId,
  reden: k.reden,
  status: k.status,
});

export async function openKoppelvoorstellen(db: Db) {
  const rows = await db.koppelVoorstel.findMany({
    where: { status: 'open' },
    orderBy: { aangemaaktOp: 'asc' },
    take: 500,
  });
  return { koppelvoorstellen: rows.map(view) };
}

/**
 * Merging never deletes: the newer record points at the candidate (`samengevoegdIn`), and everything
 * linked to it is read through that pointer. A split clears the pointer again. Both are audited.
 */
export async function decideKoppelvoorstel(
  db: Db,
  clock: Clock,
  caller: Caller,
  id: string,
  besluit: 'samenvoegen' | 'afwijzen',
  motivering: string,
) {
  const now = clock.now();
  return db.$transaction(async (tx) => {
    const k = await tx.koppelVoorstel.findUnique({ where: { id } });
    if (!k) throw new DomainError('not-found', 'Dit koppelvoorstel bestaat niet.');
    if (k.status !== 'open') throw new DomainError('conflict', `Dit koppelvoorstel is al ${k.status}.`);
    if (besluit === 'samenvoegen') {
      const record = await tx.betrokkene.findUnique({
        where: { id: k.betrokkeneId },
        select: { samengevoegdIn: true },
      });
      const [mine, theirs] = [await canonical(tx, k.betrokkeneId), await canonical(tx, k.kandidaatId)];
      if (theirs === k.betrokkeneId)
        throw new DomainError('conflict', 'De kandidaat is al in deze betrokkene samengevoegd.');
      // Already one person through an earlier merge: the proposal is settled without another pointer.
      if (mine !== theirs) {
        if (record?.samengevoegdIn)
          throw new DomainError('conflict', 'Deze betrokkene is al met een ander persoon samengevoegd; splits eerst.');
        await tx.betrokkene.update({ where: { id: k.betrokkeneId }, data: { samengevoegdIn: k.kandidaatId } });
      }
    }
    const updated = await tx.koppelVoorstel.update({
      where: { id },
      data: {
        status: besluit === 'samenvoegen' ? 'samengevoegd' : 'afgewezen',
        besluitDoor: `${caller.partner.id}/${caller.actor.id}`,
        besluitOp: now,
      },
    });
    await tx.auditEvent.create({
      data: {
        id: randomUUID(),
        tijd: now,
        soort: 'koppeling',
        reden: `${besluit}: ${motivering.slice(0, 500)}`,
        partnerId: caller.partner.id,
        actor: caller.actor.id,
      },
    });
    return view(updated);
  });
}

export async function splitBetrokkene(db: Db, clock: Clock, caller: Caller, betrokkeneId: string, motivering: string) {
  const now = clock.now();
  return db.$transaction(async (tx) => {
    const b = await tx.betrokkene.findUnique({ where: { id: betrokkeneId }, select: { samengevoegdIn: true } });
    if (!b) throw new DomainError('not-found', 'Deze betrokkene bestaat niet.');
    if (!b.samengevoegdIn) throw new DomainError('conflict', 'Deze betrokkene is niet samengevoegd.');
    await tx.betrokkene.update({ where: { id: betrokkeneId }, data: { samengevoegdIn: null } });
    await tx.koppelVoorstel.updateMany({
      where: { betrokkeneId, kandidaatId: b.samengevoegdIn, status: 'samengevoegd' },
      data: { status: 'afgewezen', besluitDoor: `${caller.partner.id}/${caller.actor.id}`, besluitOp: now },
    });
    await tx.auditEvent.create({
      data: {
        id: randomUUID(),
        tijd: now,
        soort: 'koppeling',
        reden: `splitsen: ${motivering.slice(0, 500)}`,
        partnerId: caller.partner.id,
        actor: caller.actor.id,
      },
    });
    return { betrokkene: betrokkeneId, was: b.samengevoegdIn };
  });
}

/** The procesregisseur invites a partner into a casus: from then on it is a participant (need-to-know). */
export async function addDeelnemer(
  db: Db,
  clock: Clock,
  caller: Caller,
  casusId: string,
  partnerId: string,
  rol: 'deelnemer' | 'incidenteel',
) {
  const now = clock.now();
  const [casus, partner] = await Promise.all([
    db.casus.findUnique({ where: { id: casusId } }),
    db.partner.findUnique({ where: { id: partnerId } }),
  ]);
  if (!casus) throw new DomainError('not-found', 'Deze casus bestaat niet.');
  if (!partner || partner.status !== 'actief')
    throw new DomainError('invalid-request', `Geen actieve partner ${partnerId}.`, {
      invalidParams: [{ name: '/partner', reason: 'onbekend of geschorst' }],
    });
  const existing = await db.casusDeelnemer.findUnique({ where: { casusId_partnerId: { casusId, partnerId } } });
  if (existing) throw new DomainError('conflict', `${partnerId} neemt al deel.`);
  await db.casusDeelnemer.create({ data: { casusId, partnerId, rol, sinds: now } });
  await db.auditEvent.create({
    data: {
      id: randomUUID(),
      tijd: now,
      soort: 'deelname',
      reden: `${partnerId}:${rol}`,
      partnerId: caller.partner.id,
      actor: caller.actor.id,
    },
  });
  return { casus: casusId, partner: partnerId, rol };
}
