import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { parseCheckpoint } from '../../adapters/ledger/checkpoint-body.js';
import { witnessSigner, witnessVerifier } from '../../adapters/ledger/cosignature.js';
import {
  httpsLogSource,
  monitorExitCodes,
  monitorOnce,
  type MonitorOutcome,
  readMonitorState,
  writeMonitorState,
} from '../../adapters/ledger/log-monitor.js';
import { loadLogSigningKey, noteVerifier } from '../../adapters/ledger/signed-note.js';
import { UsageError } from './partners-command.js';

export const ledgerWatchUsage = `knooppunt ledger monitor --url <API base> --key <verifier key> | --key-file <file> --state <file>
        [--ca <file>] [--witness-key <witness key> …]
  fetches the latest checkpoint over HTTPS (no certificate needed), checks its signature, proves it
  consistent with the one in the state file and stores it. Exit 0 ok, 1 unreachable, 3 bad signature,
  4 rollback, 5 fork, 6 a required witness did not cosign
knooppunt ledger witness --url <API base> --key <verifier key> | --key-file <file> --state <file>
        --witness-key-file <Ed25519 PEM> --name <witness name> [--ca <file>] [--submit]
  the same checks as monitor; then cosigns the checkpoint (cosignature/v1), prints the line and with
  --submit sends it to the gateway. Same exit codes; nothing is cosigned unless the checks pass
knooppunt ledger witness-key --witness-key-file <file> --name <witness name>
  creates the witness's Ed25519 key when absent and prints its verifier key (for the gateway's
  <data dir>/ledger/witnesses and for --witness-key)`;

const options = {
  url: { type: 'string' },
  key: { type: 'string' },
  'key-file': { type: 'string' },
  state: { type: 'string' },
  ca: { type: 'string' },
  'witness-key': { type: 'string', multiple: true },
  'witness-key-file': { type: 'string' },
  name: { type: 'string' },
  submit: { type: 'boolean' },
} as const;

function describe(o: MonitorOutcome): string {
  switch (o.status) {
    case 'ok':
      return o.previous === undefined
        ? `checkpoint ${o.size} (eerste keer gezien)`
        : `${o.previous} → ${o.size}: consistent`;
    case 'unreachable':
      return `niet te controleren: ${o.reason}`;
    case 'bad-signature':
      return `ONGELDIGE HANDTEKENING: ${o.reason}`;
    case 'rollback':
      return `TERUGGEDRAAID: checkpoint ${o.size} is kleiner dan het eerder geziene ${o.previous}`;
    case 'fork':
      return `VORK: checkpoint ${o.size} past niet op ${o.previous} (${o.reason})`;
    case 'unwitnessed':
      return `checkpoint ${o.size} is niet medeondertekend door ${o.missing.join(', ')}`;
  }
}

/** `knooppunt ledger monitor|witness|witness-key`: following the log from outside, over its public endpoints. */
export async function ledgerWatchCommand(
  sub: string,
  args: string[],
  out: (l: string) => void,
  err: (l: string) => void,
  now: () => Date = () => new Date(),
): Promise<number> {
  const { values } = parseArgs({ args, options });
  if (sub === 'witness-key') {
    if (!values['witness-key-file'] || !values.name) throw new UsageError(ledgerWatchUsage);
    out(witnessSigner(values.name, loadLogSigningKey(values['witness-key-file'])).verifierKey());
    return 0;
  }
  const vkey = values.key ?? (values['key-file'] ? readFileSync(values['key-file'], 'utf8').trim() : undefined);
  if (!values.url || !vkey || !values.state) throw new UsageError(ledgerWatchUsage);
  if (sub === 'witness' && (!values['witness-key-file'] || !values.name)) throw new UsageError(ledgerWatchUsage);
  const source = httpsLogSource(values.url, values.ca ? readFileSync(values.ca) : undefined);
  const witnesses = (values['witness-key'] ?? []).map(witnessVerifier);
  const { outcome, state } = await monitorOnce(source, noteVerifier(vkey), readMonitorState(values.state), witnesses);
  (outcome.status === 'ok' ? out : err)(describe(outcome));
  if (!state) return monitorExitCodes[outcome.status];
  if (sub === 'witness') {
    const signer = witnessSigner(values.name!, loadLogSigningKey(values['witness-key-file']!));
    const body = state.signedNote.slice(0, state.signedNote.lastIndexOf('\n\n') + 1);
    const line = signer.cosign(body, Math.floor(now().getTime() / 1000));
    if (values.submit) {
      try {
        await source.submitCosignature(parseCheckpoint(body).size, line);
      } catch (e) {
        err(`cosignatuur niet afgeleverd: ${(e as Error).message}`);
        return monitorExitCodes.unreachable;
      }
    }
    out(line.trimEnd());
  }
  writeMonitorState(values.state, state);
  return 0;
}
