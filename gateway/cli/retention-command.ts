import { parseArgs } from 'node:util';
import { openStore } from '../../adapters/store/open-store.js';
import { runRetention } from '../bewaartermijnen/run-retention.js';
import { systemClock } from '../clock.js';
import type { Config } from '../config/config-schema.js';
import { covenantRegistry } from '../covenant/covenant-registry.js';
import { policyEngine } from '../covenant/policy-engine.js';
import { defaultCovenantDir } from '../covenant/record-covenant-version.js';
import { createLogger } from '../logging/create-logger.js';
import { UsageError } from './partners-command.js';

export const retentionUsage = `knooppunt retention run [--dry-run] [--json]
  deletes the informatie items whose bewaartermijn (covenant, per category) has ended; --dry-run only
  counts; prints counts per category, never ids or content`;

/** `knooppunt retention run`: the covenant's retention periods, enforced on demand (or from a job). */
export async function retentionCommand(args: string[], config: Config, out: (l: string) => void): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { 'dry-run': { type: 'boolean' }, json: { type: 'boolean' } },
  });
  if (positionals.length !== 1 || positionals[0] !== 'run') throw new UsageError(retentionUsage);
  const store = await openStore(config.databaseUrl);
  const registry = covenantRegistry(config.covenantDir ?? defaultCovenantDir, {
    logger: createLogger('silent'),
    clock: systemClock,
  });
  try {
    const report = await runRetention(
      { store, policy: policyEngine(registry) },
      { dryRun: !!values['dry-run'], now: systemClock.now() },
    );
    if (values.json) {
      out(JSON.stringify(report));
      return 0;
    }
    out(`${report.dryRun ? 'proefdraai: ' : ''}${report.dryRun ? 'zou verwijderen' : 'verwijderd'}:`);
    const rows = Object.entries(report.perCategorie).sort(([a], [b]) => a.localeCompare(b));
    for (const [categorie, n] of rows) out(`  ${categorie}: ${n}`);
    if (rows.length === 0) out('  niets: geen bewaartermijn verstreken');
    if (report.beperkt > 0) out(`bewaard wegens beperking van de verwerking (AVG art. 18): ${report.beperkt}`);
    if (report.inVerzoek > 0) out(`bewaard tot een open rechtenverzoek is afgehandeld: ${report.inVerzoek}`);
    if (report.zonderTermijn > 0) out(`zonder bewaartermijn in het convenant (bewaard): ${report.zonderTermijn}`);
    return 0;
  } finally {
    registry.stop();
    await store.close();
  }
}
