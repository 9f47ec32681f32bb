import { parseArgs } from 'node:util';
import { openStore } from '../../adapters/store/open-store.js';
import { systemClock } from '../clock.js';
import type { Config } from '../config/config-schema.js';
import { termijnbewaking } from '../rechten/verzoeken/termijnbewaking.js';
import { UsageError } from './partners-command.js';

export const verzoekenUsage = `knooppunt verzoeken termijnen [--binnen <dagen>]   (default 7)
  open subject-rights requests past their deadline (most overdue first), then those due within the days`;

function table(rows: string[][]): string[] {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  return rows.map((r) =>
    r
      .map((c, i) => c.padEnd(widths[i]!))
      .join('  ')
      .trimEnd(),
  );
}

/** `knooppunt verzoeken termijnen`: the deadline watch for the ZVH's privacy officer, as the API gives it. */
export async function verzoekenCommand(args: string[], config: Config, out: (l: string) => void): Promise<number> {
  const [sub, ...rest] = args;
  if (sub !== 'termijnen') throw new UsageError(verzoekenUsage);
  const { values } = parseArgs({ args: rest, options: { binnen: { type: 'string' } } });
  const binnen = values.binnen === undefined ? 7 : Number(values.binnen);
  if (!Number.isInteger(binnen) || binnen < 0) throw new UsageError(verzoekenUsage);
  const store = await openStore(config.databaseUrl);
  try {
    const rows = await termijnbewaking({ store, clock: systemClock }, { alles: true }, binnen);
    const header = ['ID', 'SOORT', 'STATUS', 'UITERLIJK', 'DAGEN', 'REGIME', 'BEHANDELAAR'];
    const lines = rows.map((r) => [
      r.id,
      r.soort,
      r.status,
      r.uiterlijk,
      r.verlopen ? `${r.dagenOver} (verlopen)` : String(r.dagenOver),
      r.bepalendRegime,
      r.behandelaar ?? '-',
    ]);
    for (const line of table([header, ...lines])) out(line);
    return 0;
  } finally {
    await store.close();
  }
}
