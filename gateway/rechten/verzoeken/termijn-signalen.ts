import type { Caller } from '../../caller.js';
import type { UseCaseDeps } from '../../use-case-deps.js';
import { termijnbewaking } from './termijnbewaking.js';
import { legVast } from './uitvoering-historie.js';

/** The job acts as the gateway itself, not as an employee. */
const TERMIJNBEWAKING: Caller = {
  partner: { id: 'knooppunt', soort: 'zvh' },
  actor: { id: 'termijnbewaking', rol: 'systeem' },
};

export interface TermijnSignaal {
  verzoek: string;
  soort: 'termijn-verlopen' | 'termijn-nadert';
  uiterlijk: string;
}

/**
 * Deadline reminders: every open request overdue, or due within `binnenDagen` days, gets a signal in
 * its history and the audit trail — once per kind and deadline (an extension moves the deadline and
 * earns a new reminder). Returns the signals recorded by this run; a second run records none.
 */
export async function runTermijnSignalen(
  deps: Pick<UseCaseDeps, 'store' | 'dp'>,
  now: Date,
  binnenDagen = 7,
): Promise<TermijnSignaal[]> {
  const due = await termijnbewaking({ store: deps.store, clock: { now: () => now } }, { alles: true }, binnenDagen);
  const out: TermijnSignaal[] = [];
  for (const s of due) {
    const signaal: TermijnSignaal = {
      verzoek: s.id,
      soort: s.verlopen ? 'termijn-verlopen' : 'termijn-nadert',
      uiterlijk: s.uiterlijk,
    };
    const soort = `${signaal.soort}:${signaal.uiterlijk}`;
    if ((await deps.store.rechtenverzoeken.gebeurtenissen(s.id)).some((g) => g.soort === soort)) continue;
    const r = (await deps.store.rechtenverzoeken.findById(s.id))!;
    await deps.store.transaction((tx) => legVast(deps, tx, r, TERMIJNBEWAKING, soort, { dagenOver: s.dagenOver }, now));
    out.push(signaal);
  }
  return out;
}
