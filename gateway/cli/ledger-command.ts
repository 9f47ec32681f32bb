import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { checkpoints } from '../../adapters/ledger/checkpoints.js';
import { createLedger } from '../../adapters/ledger/ledger.js';
import { openLedgerStorage } from '../../adapters/ledger/open-ledger-storage.js';
import { loadLogSigningKey, noteSigner, noteVerifier } from '../../adapters/ledger/signed-note.js';
import { verifyLedger } from '../../adapters/ledger/verify-ledger.js';
import { openStore } from '../../adapters/store/open-store.js';
import type { Config } from '../config/config-schema.js';
import { keyPaths } from '../bootstrap/key-paths.js';
import { DISCLOSURE_LOG } from '../disclosure/log-id.js';
import { UsageError } from './partners-command.js';

export const ledgerUsage = `knooppunt ledger verify --key <verifier key> | --key-file <file>   [--log <origin>]
  checks every entry, the tree and every signed checkpoint offline against the pinned key; exit 1 on any mismatch
knooppunt ledger public-key     prints the log's verifier key (to pin)
knooppunt ledger checkpoint     signs a checkpoint at the current size`;

/** `knooppunt ledger …`: the disclosure log for privacy officers and auditors. */
export async function ledgerCommand(
  args: string[],
  config: Config,
  out: (l: string) => void,
  err: (l: string) => void,
): Promise<number> {
  const [sub, ...rest] = args;
  const { values } = parseArgs({
    args: rest,
    options: { key: { type: 'string' }, 'key-file': { type: 'string' }, log: { type: 'string' } },
  });
  const origin = values.log ?? DISCLOSURE_LOG;
  const keyPath = keyPaths(config.dataDir).ledgerSigning;
  if (sub === 'public-key') {
    out(noteSigner(origin, loadLogSigningKey(keyPath)).verifierKey());
    return 0;
  }
  if (sub !== 'verify' && sub !== 'checkpoint') throw new UsageError(ledgerUsage);
  const store = await openStore(config.databaseUrl, { migrate: false });
  const storage = openLedgerStorage(config.databaseUrl);
  try {
    if (sub === 'checkpoint') {
      const key = loadLogSigningKey(keyPath);
      const cp = await checkpoints(store, createLedger(storage, origin), noteSigner(origin, key), key).create();
      out(cp ? cp.signedNote : 'het log is leeg');
      return 0;
    }
    const vkey = values.key ?? (values['key-file'] ? readFileSync(values['key-file'], 'utf8').trim() : undefined);
    if (!vkey) throw new UsageError(ledgerUsage);
    const started = Date.now();
    const report = await verifyLedger(config.databaseUrl, store, origin, noteVerifier(vkey), (done, total) =>
      err(`regels ${done}/${total}`),
    );
    for (const p of report.problems) out(`FOUT  ${p}`);
    out(
      `${origin}: ${report.size} regels, ${report.checkpoints} checkpoints, ${report.problems.length === 0 ? 'in orde' : `${report.problems.length} fout(en)`} (${((Date.now() - started) / 1000).toFixed(1)} s)`,
    );
    return report.problems.length === 0 ? 0 : 1;
  } finally {
    await storage.close();
    await store.close();
  }
}
