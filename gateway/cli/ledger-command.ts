import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { checkpoints } from '../../adapters/ledger/checkpoints.js';
import { createLedger } from '../../adapters/ledger/ledger.js';
import { openLedgerStorage } from '../../adapters/ledger/open-ledger-storage.js';
import { loadLogSigningKey, noteSigner, noteVerifier } from '../../adapters/ledger/signed-note.js';
import { verifyLedger } from '../../adapters/ledger/verify-ledger.js';
import { openStore } from '../../adapters/store/open-store.js';
import type { Config } from '../config/config-schema.js';
import { keptCheckpointPath, keyPaths } from '../bootstrap/key-paths.js';
import { logIntegrity } from '../disclosure/log-integrity.js';
import { createLogger } from '../logging/create-logger.js';
import { DISCLOSURE_LOG } from '../disclosure/log-id.js';
import { UsageError } from './partners-command.js';
import { ledgerWatchCommand, ledgerWatchUsage } from './ledger-watch-commands.js';
import { verifyReportCommand, verifyReportUsage } from './verify-report-command.js';
import { parsePinnedCheckpoint } from '../../adapters/ledger/checkpoint-body.js';
import { witnessVerifier } from '../../adapters/ledger/cosignature.js';

export const ledgerUsage = `knooppunt ledger verify --key <verifier key> | --key-file <file>   [--log <origin>]
        [--checkpoint <saved signed checkpoint file> | --checkpoint <size>:<root hex>] [--strict]
        [--witness-key <witness key> …]
  checks every entry (and its tijd), the tree and every signed checkpoint offline against the pinned
  key, and the log against the pinned checkpoint (a rewrite or cut below it fails, whatever checkpoints
  were deleted since); entries after the last signed checkpoint are reported as an unsigned tail, an
  error with --strict. With --witness-key only checkpoints that witness cosigned vouch for entries.
  Exit 1 on any mismatch
knooppunt ledger public-key     prints the log's verifier key (to pin)
knooppunt ledger checkpoint     signs a checkpoint at the current size
${ledgerWatchUsage}
${verifyReportUsage}`;

/** `knooppunt ledger …`: the disclosure log for privacy officers and auditors. */
export async function ledgerCommand(
  args: string[],
  config: Config,
  out: (l: string) => void,
  err: (l: string) => void,
): Promise<number> {
  const [sub, ...rest] = args;
  if (sub === 'verify-report') return verifyReportCommand(rest, out, err);
  if (sub === 'monitor' || sub === 'witness' || sub === 'witness-key') return ledgerWatchCommand(sub, rest, out, err);
  const { values } = parseArgs({
    args: rest,
    options: {
      key: { type: 'string' },
      'key-file': { type: 'string' },
      log: { type: 'string' },
      checkpoint: { type: 'string' },
      strict: { type: 'boolean' },
      'witness-key': { type: 'string', multiple: true },
    },
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
      // Through the same guard as the server: nothing is signed over a log that no longer extends its last checkpoint.
      const key = loadLogSigningKey(keyPath);
      const ledger = createLedger(storage, origin);
      const signer = noteSigner(origin, key);
      const integrity = logIntegrity({
        ledger,
        signer,
        checkpoints: checkpoints(store, ledger, signer, key),
        logger: createLogger('error', process.stderr),
        pinPath: keptCheckpointPath(config.dataDir, origin),
      });
      const problem = await integrity.check();
      if (problem) {
        out(`FOUT  ${problem}; niet getekend`);
        return 1;
      }
      const cp = await integrity.sign();
      out(cp ? cp.signedNote : 'het log is leeg');
      return 0;
    }
    const vkey = values.key ?? (values['key-file'] ? readFileSync(values['key-file'], 'utf8').trim() : undefined);
    if (!vkey) throw new UsageError(ledgerUsage);
    const verifier = noteVerifier(vkey);
    const pin = values.checkpoint;
    const pinned = pin
      ? parsePinnedCheckpoint(/^\d+:[0-9a-fA-F]{64}$/.test(pin) ? pin : readFileSync(pin, 'utf8'), verifier, origin)
      : undefined;
    const started = Date.now();
    const report = await verifyLedger(
      config.databaseUrl,
      store,
      origin,
      verifier,
      (done, total) => err(`regels ${done}/${total}`),
      { pinned, strict: values.strict, witnesses: (values['witness-key'] ?? []).map(witnessVerifier) },
    );
    for (const p of report.problems) out(`FOUT  ${p}`);
    if (report.unsignedTail && !values.strict)
      out(
        `LET OP  regels ${report.unsignedTail.from}–${report.unsignedTail.to - 1} vallen na het laatste getekende checkpoint (ongetekende staart)`,
      );
    out(
      `${origin}: ${report.size} regels, ${report.checkpoints} checkpoints, ${report.problems.length === 0 ? 'in orde' : `${report.problems.length} fout(en)`} (${((Date.now() - started) / 1000).toFixed(1)} s)`,
    );
    return report.problems.length === 0 ? 0 : 1;
  } finally {
    await storage.close();
    await store.close();
  }
}
