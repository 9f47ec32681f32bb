import { createRequire } from 'node:module';
import { parseCheckpoint } from './checkpoint-body.js';
import { leafHash, verifyInclusion } from './merkle.js';
import { noteVerifier } from './signed-note.js';

const canonicalize = createRequire(import.meta.url)('canonicalize') as (input: unknown) => string | undefined;

/** The part of an access report (Inzagerapport) that proves its disclosures are in the log. */
export interface ReportProofs {
  logbewijs: {
    origin: string;
    verifierKey: string;
    /** Absent only while the log is empty. */
    checkpoint?: { grootte: number; rootHash: string; signedNote: string };
  };
  verstrekkingen: {
    index: number;
    leafHash: string;
    tijd: string;
    doel: string;
    ontvanger: { partner: string; rol: string };
    categorieen: string[];
    logRegel: string;
    bewijs: string[];
  }[];
}

export interface ReportVerdict {
  /** One line per failing check, naming the entry (log index) it concerns. */
  problems: string[];
  warnings: string[];
  checked: number;
}

const HEX32 = /^[0-9a-f]{64}$/;

/** What the report shows of an entry must be what its logged body says: otherwise the list could lie beside a valid proof. */
function shownMatchesBody(
  v: ReportProofs['verstrekkingen'][number],
  body: Record<string, unknown>,
): string | undefined {
  const ontvanger = body.ontvanger as { partner?: unknown; actor?: { rol?: unknown } } | undefined;
  if (body.tijd !== v.tijd) return 'tijd';
  if (body.doel !== v.doel) return 'doel';
  if (ontvanger?.partner !== v.ontvanger.partner || ontvanger.actor?.rol !== v.ontvanger.rol) return 'ontvanger';
  if (JSON.stringify(body.categorieen) !== JSON.stringify(v.categorieen)) return 'categorieen';
  return undefined;
}

function checkEntry(
  v: ReportProofs['verstrekkingen'][number],
  head: { size: number; root: Buffer },
): string | undefined {
  const at = `verstrekking met logindex ${v.index}`;
  if (!Number.isSafeInteger(v.index) || v.index < 0 || v.index >= head.size)
    return `${at}: index valt buiten het checkpoint (grootte ${head.size})`;
  let body: Record<string, unknown>;
  try {
    body = JSON.parse(v.logRegel) as Record<string, unknown>;
  } catch {
    return `${at}: logregel is geen JSON`;
  }
  if (canonicalize(body) !== v.logRegel) return `${at}: logregel is niet canoniek (RFC 8785)`;
  const leaf = leafHash(Buffer.from(v.logRegel, 'utf8'));
  if (!HEX32.test(v.leafHash) || leaf.toString('hex') !== v.leafHash)
    return `${at}: leaf hash klopt niet met de logregel`;
  const shown = shownMatchesBody(v, body);
  if (shown) return `${at}: ${shown} in het rapport is niet wat de logregel zegt`;
  if (!v.bewijs.every((h) => HEX32.test(h))) return `${at}: bewijs bevat een ongeldige hash`;
  const proof = v.bewijs.map((h) => Buffer.from(h, 'hex'));
  if (!verifyInclusion(v.index, head.size, leaf, proof, head.root))
    return `${at}: inclusiebewijs leidt niet naar de root van het checkpoint`;
  return undefined;
}

/**
 * Checks an access report offline: the checkpoint's signature against the pinned key (or, with a
 * warning, the report's own key), then per listed disclosure its body against its leaf hash and its
 * inclusion proof against the checkpoint root. Proves each listed entry is in the log; it cannot prove
 * that no entry about the person was left out of the list.
 */
export function verifyReportProofs(report: ReportProofs, pinnedKey?: string): ReportVerdict {
  const problems: string[] = [];
  const warnings: string[] = [];
  const { logbewijs } = report;
  if (pinnedKey === undefined)
    warnings.push(
      'de sleutel komt uit het rapport zelf; pin hem voor een onafhankelijke controle van elders (--key, of de gepubliceerde sleutel van het log)',
    );
  else if (pinnedKey.trim() !== logbewijs.verifierKey.trim())
    problems.push('de sleutel in het rapport is niet de vastgepinde sleutel');
  let head: { size: number; root: Buffer };
  try {
    noteVerifier(pinnedKey ?? logbewijs.verifierKey);
  } catch (e) {
    problems.push(`sleutel: ${(e as Error).message}`);
    return { problems, warnings, checked: 0 };
  }
  if (!logbewijs.checkpoint) {
    if (report.verstrekkingen.length > 0)
      problems.push('checkpoint ontbreekt, maar er staan verstrekkingen in het rapport');
    return { problems, warnings, checked: 0 };
  }
  try {
    // base64 with changed padding bits decodes to the same signature: refuse it, so any changed character fails.
    for (const line of logbewijs.checkpoint.signedNote.split('\n').filter((l) => l.startsWith('\u2014 '))) {
      const b64 = line.split(' ')[2] ?? '';
      if (Buffer.from(b64, 'base64').toString('base64') !== b64)
        throw new Error('handtekening is geen canonieke base64');
    }
    const cp = parseCheckpoint(noteVerifier(pinnedKey ?? logbewijs.verifierKey).open(logbewijs.checkpoint.signedNote));
    if (cp.origin !== logbewijs.origin) throw new Error(`checkpoint is van log ${cp.origin}, niet ${logbewijs.origin}`);
    if (cp.size !== logbewijs.checkpoint.grootte || cp.root.toString('hex') !== logbewijs.checkpoint.rootHash)
      throw new Error('grootte of rootHash naast het checkpoint is niet wat het ondertekende checkpoint zegt');
    head = cp;
  } catch (e) {
    problems.push(`checkpoint: ${(e as Error).message}`);
    return { problems, warnings, checked: 0 };
  }
  for (const v of report.verstrekkingen) {
    const problem = checkEntry(v, head);
    if (problem) problems.push(problem);
  }
  return { problems, warnings, checked: report.verstrekkingen.length };
}
