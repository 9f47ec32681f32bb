import { parseArgs } from 'node:util';
import { openStore } from '../../adapters/store/open-store.js';
import { systemClock } from '../clock.js';
import type { Config } from '../config/config-schema.js';
import { geenMeldingen, type Meldingen } from '../meldingen/meldingen.js';
import { runCasusSignalen, standaardTermijnen } from '../signalen/run-casus-signalen.js';
import { UsageError } from './partners-command.js';

export const casussenUsage = `knooppunt casussen signalen [--stagnatie-dagen <n>] [--escalatie-dagen <n>]
  one pass of the casus signals: overdue interventions and stagnating casussen for the procesregisseur,
  escalation to the ketenmanager of what stays open (defaults ${standaardTermijnen.stagnatieDagen} and ${standaardTermijnen.escalatieDagen} days); safe to run again`;

const days = (v: string | undefined, fallback: number): number => {
  if (v === undefined) return fallback;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1) throw new UsageError(casussenUsage);
  return n;
};

/** `knooppunt casussen signalen`: what the job queue will run on a schedule, once, by hand. */
export async function casussenCommand(
  args: string[],
  config: Config,
  out: (l: string) => void,
  meldingen: Meldingen = geenMeldingen,
): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { 'stagnatie-dagen': { type: 'string' }, 'escalatie-dagen': { type: 'string' } },
  });
  if (positionals.join(' ') !== 'signalen') throw new UsageError(casussenUsage);
  const termijnen = {
    stagnatieDagen: days(values['stagnatie-dagen'], standaardTermijnen.stagnatieDagen),
    escalatieDagen: days(values['escalatie-dagen'], standaardTermijnen.escalatieDagen),
  };
  const store = await openStore(config.databaseUrl);
  try {
    const r = await runCasusSignalen({ store, meldingen }, systemClock.now(), termijnen);
    out(`${r.opgeworpen} signalen opgeworpen, ${r.geescaleerd} geëscaleerd naar de ketenmanager`);
    return 0;
  } finally {
    await store.close();
  }
}
