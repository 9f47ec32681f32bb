import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { verifyReportProofs, type ReportProofs } from '../../adapters/ledger/verify-report.js';
import { UsageError } from './partners-command.js';

export const verifyReportUsage = `knooppunt ledger verify-report <rapport.json> [--key <verifier key file or key>]
  checks an access report (inzagerapport) offline: each listed disclosure's leaf hash against its logged
  body, its inclusion proof against the signed checkpoint, and the checkpoint's signature. Pin the log's
  key from elsewhere with --key (a file holding the key, e.g. the answer of the log's public-key operation,
  or the key itself); without it the report's own key is used, with a warning. Exit 1 on any mismatch`;

function isReport(x: unknown): x is ReportProofs {
  const r = x as Partial<ReportProofs> | null;
  return (
    typeof r === 'object' &&
    r !== null &&
    typeof r.logbewijs?.verifierKey === 'string' &&
    (r.logbewijs.checkpoint === undefined || typeof r.logbewijs.checkpoint.signedNote === 'string') &&
    Array.isArray(r.verstrekkingen) &&
    r.verstrekkingen.every(
      (v) =>
        typeof v === 'object' &&
        v !== null &&
        typeof v.logRegel === 'string' &&
        typeof v.leafHash === 'string' &&
        Array.isArray(v.bewijs) &&
        typeof v.ontvanger === 'object' &&
        v.ontvanger !== null &&
        Array.isArray(v.categorieen),
    )
  );
}

/** A key file holds the bare key, or JSON with `verifierKey` (what `GET …/verifier-key` answers). */
function readKey(pathOrKey: string): string {
  let text: string;
  try {
    text = readFileSync(pathOrKey, 'utf8').trim();
  } catch {
    text = pathOrKey.trim();
  }
  return text.startsWith('{') ? String((JSON.parse(text) as { verifierKey?: unknown }).verifierKey) : text;
}

/** `knooppunt ledger verify-report <file>`: offline, no database, no network. */
export function verifyReportCommand(args: string[], out: (l: string) => void, err: (l: string) => void): number {
  const { values, positionals } = parseArgs({
    args,
    options: { key: { type: 'string' }, 'key-file': { type: 'string' } },
    allowPositionals: true,
  });
  const [file] = positionals;
  if (!file || positionals.length > 1) throw new UsageError(verifyReportUsage);
  let report: unknown;
  try {
    report = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    err(`FOUT  ${file} is geen leesbaar JSON-rapport: ${(e as Error).message}`);
    return 1;
  }
  if (!isReport(report)) {
    err(`FOUT  ${file} is geen inzagerapport met logbewijs`);
    return 1;
  }
  const pinned = values.key ?? values['key-file'];
  const verdict = verifyReportProofs(report, pinned === undefined ? undefined : readKey(pinned));
  verdict.warnings.forEach((w) => err(`LET OP  ${w}`));
  if (verdict.problems.length > 0) {
    verdict.problems.forEach((p) => err(`FOUT  ${p}`));
    return 1;
  }
  out(
    `OK  ${verdict.checked} verstrekkingen staan in het log onder checkpoint ${report.logbewijs.checkpoint?.grootte ?? '-'} ` +
      `(${report.logbewijs.origin}). Dat bewijst niet dat de lijst volledig is.`,
  );
  return 0;
}
