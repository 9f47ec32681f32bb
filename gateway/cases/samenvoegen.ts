import { randomUUID } from 'node:crypto';
import { DomainError } from '../errors/domain-error.js';
import type { Caller, UseCaseDeps } from '../use-case-deps.js';

type Deps = Pick<UseCaseDeps, 'store' | 'clock'>;

/** The casus, refused when it is missing or already merged into another (that one answers now). */
async function openCasus(deps: Deps, id: string, veld: string) {
  const casus = await deps.store.casussen.findById(id);
  if (!casus)
    throw veld === 'casusId'
      ? new DomainError('not-found', 'Deze casus bestaat niet.')
      : new DomainError('invalid-request', 'Deze casus bestaat niet.', {
          invalidParams: [{ name: veld, reason: 'onbekend' }],
        });
  if (casus.samengevoegdIn)
    throw new DomainError('conflict', `Casus ${id} is samengevoegd in ${casus.samengevoegdIn}.`);
  return casus;
}

/**
 * Two referrals turn out to be one family: `casusId` is merged into `in`. Its betrokkenen, information
 * items and participants move to the surviving casus in one unit of work; the old casus keeps its
 * history (steps, plan, meetings) and points to the survivor (`samengevoegdIn`).
 */
export async function voegSamen(deps: Deps, caller: Caller, casusId: string, vraag: { in: string; reden: string }) {
  if (casusId === vraag.in) throw new DomainError('conflict', 'Een casus kan niet in zichzelf worden samengevoegd.');
  await openCasus(deps, casusId, 'casusId');
  await openCasus(deps, vraag.in, '/in');
  const op = deps.clock.now();
  const door = `${caller.partner.id}/${caller.actor.id}`;
  const betrokkenen = await deps.store.transaction((tx) =>
    tx.samenvoegingen.merge({
      id: randomUUID(),
      vanCasusId: casusId,
      naarCasusId: vraag.in,
      door,
      reden: vraag.reden,
      op,
    }),
  );
  return { casus: casusId, samengevoegdIn: vraag.in, betrokkenen };
}

/**
 * Some betrokkenen of a casus turn out to be a case of their own: a new casus is made for them, in the
 * same status, with their links and information items; the participants are shared. At least one
 * betrokkene stays behind.
 */
export async function splits(
  deps: Deps,
  caller: Caller,
  casusId: string,
  vraag: { betrokkenen: string[]; reden: string },
) {
  const casus = await openCasus(deps, casusId, 'casusId');
  const linked = new Set((await deps.store.casussen.betrokkenenOf(casusId)).map((l) => l.betrokkeneId));
  const ids = [...new Set(vraag.betrokkenen)];
  ids.forEach((id, i) => {
    if (!linked.has(id))
      throw new DomainError('invalid-request', 'Deze betrokkene hoort niet bij de casus.', {
        invalidParams: [{ name: `/betrokkenen/${i}`, reason: 'niet gekoppeld' }],
      });
  });
  if (ids.length >= linked.size) throw new DomainError('conflict', 'Er moet ten minste één betrokkene achterblijven.');
  const op = deps.clock.now();
  const nieuw = {
    id: randomUUID(),
    soort: casus.soort,
    gemeente: casus.gemeente,
    reden: casus.reden,
    redenCategorieen: casus.redenCategorieen,
    codeRood: casus.codeRood,
    leefgebieden: casus.leefgebieden,
    signalen: casus.signalen,
    aanmelderId: casus.aanmelderId,
    aangemaaktOp: op,
    status: casus.status,
    fase: casus.fase,
  };
  await deps.store.transaction((tx) =>
    tx.samenvoegingen.split(
      {
        id: randomUUID(),
        vanCasusId: casusId,
        betrokkenen: JSON.stringify(ids),
        door: `${caller.partner.id}/${caller.actor.id}`,
        reden: vraag.reden,
        op,
      },
      nieuw,
    ),
  );
  return { casus: casusId, nieuweCasus: nieuw.id, betrokkenen: ids };
}
