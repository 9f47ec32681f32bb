import type { Caller } from '../../caller.js';
import { DomainError } from '../../errors/domain-error.js';
import type { UseCaseDeps } from '../../use-case-deps.js';
import { heffBeperkingOp } from '../uitvoering/beperk-verwerking.js';
import { legVast } from './uitvoering-historie.js';
import { vindVerzoek } from './vind-verzoek.js';

/**
 * Lifts a restriction or objection that this request recorded, with its ground (an objection only on
 * `dwingende-gronden:<code>`), and records that in the request's history. A restriction of another
 * request answers as a missing one.
 */
export async function hefBeperkingVanVerzoekOp(
  deps: UseCaseDeps,
  caller: Caller,
  verzoekId: string,
  input: { beperking: string; grond: string },
): Promise<{ beperking: string; soort: string; opgehevenOp: string; grond: string }> {
  const r = await vindVerzoek(deps.store, { alles: true }, verzoekId);
  const b = await deps.store.beperkingen.find(input.beperking);
  if (!b || b.verzoekId !== r.id) throw new DomainError('not-found', 'Deze beperking hoort niet bij dit verzoek.');
  const lifted = await heffBeperkingOp(deps, {
    beperkingId: b.id,
    door: `${caller.partner.id}/${caller.actor.id}`,
    grond: input.grond,
  });
  const at = lifted.opgehevenOp ?? deps.clock.now();
  await deps.store.transaction((tx) =>
    legVast(deps, tx, r, caller, 'beperking-opgeheven', { beperking: b.id, grond: input.grond }, at),
  );
  return { beperking: b.id, soort: b.soort, opgehevenOp: at.toISOString(), grond: input.grond };
}
