import { randomUUID } from 'node:crypto';
import type { BeperkingRecord } from '../../../adapters/store/beperking-repository.js';
import { DomainError } from '../../errors/domain-error.js';
import type { UseCaseDeps } from '../../use-case-deps.js';

export type BeperkingSoort = 'beperking' | 'bezwaar' | 'betwist';

export interface BeperkingInput {
  verzoekId: string;
  betrokkeneId: string;
  /** The items restricted; none: every item (and every other piece) about the person. */
  itemIds?: string[];
  soort: BeperkingSoort;
  /** For an objection: the purposes objected to (none: every purpose). */
  doelen?: string[];
  door: string;
}

/**
 * Records a restriction (AVG art. 18), objection (art. 21) or dispute (art. 16) for a person or some of
 * their items. From then on every pull withholds what it covers (`judgeCandidates`) and the log entry
 * names it for the privacy officer. Returns the ids, one per item (or one for the person).
 */
export async function beperkVerwerking(deps: UseCaseDeps, input: BeperkingInput): Promise<string[]> {
  if (!(await deps.store.betrokkenen.mergedInto(input.betrokkeneId)))
    throw new DomainError('not-found', 'Deze betrokkene bestaat niet.');
  const records = new Set(await deps.store.betrokkenen.recordsOfPerson(input.betrokkeneId));
  const covenant = deps.policy.covenant();
  const unknown = (input.doelen ?? []).filter((d) => covenant && !covenant.purposes.has(d));
  if (unknown.length > 0)
    throw new DomainError('invalid-request', 'Onbekend doel.', {
      invalidParams: unknown.map((d) => ({ name: 'doelen', reason: `onbekend doel ${d}` })),
    });
  for (const id of input.itemIds ?? []) {
    const item = await deps.store.informatie.find(id);
    if (!item?.betrokkeneId || !records.has(item.betrokkeneId))
      throw new DomainError('not-found', 'Dit item hoort niet bij deze betrokkene.');
  }
  const sinds = deps.clock.now();
  const base = {
    verzoekId: input.verzoekId,
    betrokkeneId: input.betrokkeneId,
    soort: input.soort,
    doelen: input.soort === 'bezwaar' && input.doelen?.length ? JSON.stringify(input.doelen) : null,
    door: input.door,
    sinds,
  };
  const ids: string[] = [];
  await deps.store.transaction(async (tx) => {
    for (const itemId of input.itemIds?.length ? input.itemIds : [null]) {
      const id = randomUUID();
      await tx.beperkingen.add({ id, itemId, ...base });
      ids.push(id);
    }
  });
  return ids;
}

/**
 * Lifts a restriction with a recorded ground code. An objection is lifted only on the ZVH's compelling
 * legitimate grounds (AVG art. 21(1)), which must be named: `dwingende-gronden:<motivation code>`.
 */
export async function heffBeperkingOp(
  deps: UseCaseDeps,
  input: { beperkingId: string; door: string; grond: string },
): Promise<BeperkingRecord> {
  const b = await deps.store.beperkingen.find(input.beperkingId);
  if (!b) throw new DomainError('not-found', 'Deze beperking bestaat niet.');
  if (b.soort === 'bezwaar' && !/^dwingende-gronden:\S+/.test(input.grond))
    throw new DomainError('invalid-request', 'Een bezwaar wordt alleen opgeheven op dwingende gronden.', {
      invalidParams: [{ name: 'grond', reason: 'dwingende-gronden:<motivering>' }],
    });
  if (!(await deps.store.beperkingen.lift(b.id, input.door, input.grond, deps.clock.now())))
    throw new DomainError('conflict', 'Deze beperking is al opgeheven.');
  return (await deps.store.beperkingen.find(b.id))!;
}
