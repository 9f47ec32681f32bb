import { randomUUID } from 'node:crypto';
import type { Repositories } from '../../adapters/store/repositories.js';
import { DomainError } from '../errors/domain-error.js';
import type { Caller, UseCaseDeps } from '../use-case-deps.js';
import { faseVan, isStatus, toegestaan, triageUitkomsten, type Status } from './levensloop.js';

type Casus = NonNullable<Awaited<ReturnType<Repositories['casussen']['findById']>>>;

/** The refusal of a step the table does not allow: it names where the casus may go instead. */
export function refuse(van: string, naar: string, allowed: readonly string[]): DomainError {
  const waar = allowed.length ? allowed.join(', ') : 'nergens heen';
  return new DomainError('conflict', `Een casus met status ${van} kan niet naar ${naar}; toegestaan: ${waar}.`);
}

/** The current status, as one of the table's (a row written before the table existed is aangemeld). */
export function statusOf(casus: Casus): Status {
  return isStatus(casus.status) ? casus.status : 'aangemeld';
}

/**
 * Takes the steps `van → … → naar` inside the caller's unit of work: each is recorded (who, when, why)
 * and moves the casus only if nobody moved it first. Closing starts the retention clock; reopening stops it.
 */
export async function recordStappen(
  tx: Repositories,
  casus: Casus,
  stappen: readonly Status[],
  by: { door: string; reden: string; op: Date },
): Promise<void> {
  let van = statusOf(casus);
  for (const naar of stappen) {
    const afgeslotenOp = naar === 'afgesloten' ? by.op : naar === 'heropend' ? null : undefined;
    const next = { status: naar, fase: faseVan[naar], ...(afgeslotenOp !== undefined ? { afgeslotenOp } : {}) };
    const ok = await tx.levensloop.recordOvergang({ id: randomUUID(), casusId: casus.id, van, naar, ...by }, next);
    if (!ok) throw new DomainError('conflict', 'Tegelijk is deze casus een andere stap verder gezet.');
    van = naar;
  }
}

/**
 * The procesregisseur moves a casus one step through its lifecycle. A step outside the table is a
 * conflict naming the allowed ones; a triage outcome is reached only by a triage decision.
 */
export async function verplaatsCasus(
  deps: Pick<UseCaseDeps, 'store' | 'clock' | 'meldingen'>,
  caller: Caller,
  casusId: string,
  vraag: { naar: string; reden: string },
) {
  const casus = await deps.store.casussen.findById(casusId);
  if (!casus) throw new DomainError('not-found', 'Deze casus bestaat niet.');
  if (casus.samengevoegdIn)
    throw new DomainError('conflict', `Casus ${casusId} is samengevoegd in ${casus.samengevoegdIn}.`);
  const van = statusOf(casus);
  const allowed = toegestaan(van, casus.codeRood).filter((s) => !triageUitkomsten.includes(s));
  if (!allowed.includes(vraag.naar as Status)) throw refuse(van, vraag.naar, allowed);
  const naar = vraag.naar as Status;
  const op = deps.clock.now();
  await deps.store.transaction(async (tx) => {
    await recordStappen(tx, casus, [naar], { door: `${caller.partner.id}/${caller.actor.id}`, reden: vraag.reden, op });
    if (naar === 'afgesloten' || naar === 'heropend' || (naar === 'casusoverleg' && casus.codeRood))
      for (const partnerId of await tx.casussen.deelnemersOf([casusId]))
        await deps.meldingen.plaats({ partnerId, soort: 'kennisgeving', casusId, data: { status: naar } }, tx);
  });
  return casusLevensloop(deps, casusId);
}

/** The casus' status, phase, closure and every step taken, in order. */
export async function casusLevensloop(deps: Pick<UseCaseDeps, 'store'>, casusId: string) {
  const casus = await deps.store.casussen.findById(casusId);
  if (!casus) throw new DomainError('not-found', 'Deze casus bestaat niet.');
  const [stappen, deelnames] = await Promise.all([
    deps.store.levensloop.overgangen(casusId),
    deps.store.levensloop.deelnames(casusId),
  ]);
  const status = statusOf(casus);
  return {
    casus: casusId,
    status,
    fase: casus.fase,
    codeRood: casus.codeRood,
    afgeslotenOp: casus.afgeslotenOp?.toISOString() ?? null,
    samengevoegdIn: casus.samengevoegdIn ?? null,
    toegestaan: toegestaan(status, casus.codeRood).filter((s) => !triageUitkomsten.includes(s)),
    overgangen: stappen.map((s) => ({
      volgnummer: s.volgnummer,
      van: s.van,
      naar: s.naar,
      door: s.door,
      reden: s.reden,
      op: s.op.toISOString(),
    })),
    deelnames: deelnames.map((d) => ({
      partner: d.partnerId,
      soort: d.soort,
      rol: d.rol,
      reden: d.reden,
      door: d.door,
      op: d.op.toISOString(),
    })),
  };
}
