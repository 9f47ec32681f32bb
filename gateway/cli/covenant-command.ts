import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { parseArgs } from 'node:util';
import { notifyOnce } from '../../adapters/store/change-notices.js';
import { openStore } from '../../adapters/store/open-store.js';
import type { CompiledCovenant } from '../../policies/covenant/compile-covenant.js';
import { compileCovenant } from '../../policies/covenant/compile-covenant.js';
import { CovenantInvalid, formatIssue } from '../../policies/covenant/covenant-error.js';
import { parseCovenant } from '../../policies/covenant/parse-covenant.js';
import { checkCovenant } from '../../policies/tools/check-covenant.js';
import { diffCovenants, type CovenantChange } from '../../policies/tools/diff-covenants.js';
import { simulate, type SimulationRow } from '../../policies/tools/simulate.js';
import { fasen, type Fase } from '../../policies/taxonomy/fasen.js';
import { partnerSoorten } from '../../policies/taxonomy/partner-soorten.js';
import type { Config } from '../config/config-schema.js';
import { covenantRegistry } from '../covenant/covenant-registry.js';
import { defaultCovenantDir } from '../covenant/record-covenant-version.js';
import { createLogger } from '../logging/create-logger.js';
import { systemClock } from '../clock.js';
import { UsageError } from './partners-command.js';

export const covenantUsage = `knooppunt covenant check <file.yaml> [--json]
  schema errors with line numbers, unknown keys, special categories without a fitting legal basis,
  rules that can never apply; exit 1 when the file would be refused
knooppunt covenant simulate --partner <id|soort> --doel <doel> [--fase <fase>] [--actie aanleveren]
                            [--code-rood] [--geen-deelnemer] [--covenant <file.yaml>] [--json]
  what the partner would see (or may supply), category by category, with reasons
knooppunt covenant diff <oud.yaml> <nieuw.yaml> [--json]
  what becomes allowed or forbidden, per partner kind
knooppunt covenant publiceer <file.yaml>
  checks the file (refused on any error), places it in KNOOPPUNT_COVENANT_DIR and tells every gateway
  process on the same PostgreSQL to read it now; it is in force from its own geldigVanaf (a file in force
  is never overwritten: a new version gets a name of its own)`;

function compileFile(file: string): CompiledCovenant {
  const text = readFileSync(file, 'utf8');
  return compileCovenant(parseCovenant(text, basename(file)), text);
}

function checkFile(file: string, json: boolean, out: (l: string) => void): number {
  try {
    const findings = checkCovenant(compileFile(file), basename(file));
    if (json) out(JSON.stringify({ file, findings }, null, 2));
    else for (const f of findings) out(`${f.severity === 'error' ? 'FOUT' : 'let op'}  ${formatIssue(f)}`);
    const errors = findings.filter((f) => f.severity === 'error').length;
    if (!json)
      out(
        errors === 0
          ? `${file}: in orde (${findings.length} opmerking(en))`
          : `${file}: ${errors} fout(en); dit bestand wordt geweigerd`,
      );
    return errors === 0 ? 0 : 1;
  } catch (err) {
    if (!(err instanceof CovenantInvalid)) throw err;
    if (json) out(JSON.stringify({ file, findings: err.issues.map((i) => ({ ...i, severity: 'error' })) }, null, 2));
    else for (const i of err.issues) out(`FOUT  ${formatIssue(i)}`);
    return 1;
  }
}

function summarise(row: SimulationRow): string {
  const groups = new Map<string, string[]>();
  for (const b of row.bronnen) {
    const key =
      b.effect === 'deny'
        ? `geweigerd (${b.uitleg.split(' — ')[0]!.replace(`${row.categorie}: `, '')}${b.regels.length ? `: ${b.regels.join(', ')}` : ''})`
        : `${b.effect === 'aggregaat' ? 'alleen aggregaat' : 'toegestaan'} [${b.regels.join(', ')}${b.maskering.length ? `; gemaskeerd: ${b.maskering.join(', ')}` : ''}]`;
    groups.set(key, [...(groups.get(key) ?? []), b.leverancier]);
  }
  const all = row.bronnen.length;
  const parts = [...groups].map(
    ([what, from]) => `${what}${all > 1 ? ` van ${from.length === all ? 'iedereen' : from.join(', ')}` : ''}`,
  );
  return `${row.categorie}${row.bijzonder !== 'geen' ? ` (${row.bijzonder})` : ''}: ${parts.join('; ')}`;
}

async function resolvePartner(name: string, config: Config): Promise<{ id: string; soort: string }> {
  if ((partnerSoorten as readonly string[]).includes(name)) return { id: `(${name})`, soort: name };
  const store = await openStore(config.databaseUrl);
  try {
    const p = await store.partners.findById(name);
    if (!p)
      throw new UsageError(
        `onbekende partner ${name}: geef een geregistreerde partner of een soort (${partnerSoorten.join(', ')})`,
      );
    return { id: p.id, soort: p.soort };
  } finally {
    await store.close();
  }
}

async function simulateCommand(
  values: Record<string, string | boolean | undefined>,
  config: Config,
  out: (l: string) => void,
): Promise<number> {
  if (typeof values.partner !== 'string' || typeof values.doel !== 'string') throw new UsageError(covenantUsage);
  if (values.fase !== undefined && !(fasen as readonly string[]).includes(values.fase as string))
    throw new UsageError(`fase: een van ${fasen.join(', ')}`);
  let covenant: CompiledCovenant | undefined;
  if (typeof values.covenant === 'string') covenant = compileFile(values.covenant);
  else {
    const registry = covenantRegistry(config.covenantDir ?? defaultCovenantDir, {
      logger: createLogger('silent'),
      clock: systemClock,
    });
    covenant = registry.current();
    registry.stop();
  }
  if (!covenant) {
    out('er is nu geen convenant van kracht: alles wordt geweigerd');
    return 1;
  }
  if (!covenant.purposes.has(values.doel))
    throw new UsageError(`onbekend doel ${values.doel}; doelen: ${[...covenant.purposes.keys()].join(', ')}`);
  const partner = await resolvePartner(values.partner, config);
  const rows = simulate(covenant, {
    partner,
    doel: values.doel,
    fase: values.fase as Fase | undefined,
    actie: values.actie === 'aanleveren' ? 'aanleveren' : 'verstrekken',
    codeRood: values['code-rood'] === true,
    deelnemer: values['geen-deelnemer'] !== true,
  });
  if (values.json)
    out(
      JSON.stringify({ convenant: covenant.label, partner: partner.id, doel: values.doel, categorieen: rows }, null, 2),
    );
  else {
    const who = partner.id === `(${partner.soort})` ? `elke ${partner.soort}` : `${partner.id} (${partner.soort})`;
    out(
      `${covenant.label}: ${who}, doel ${values.doel}${values.fase ? `, fase ${values.fase}` : ''}${values['code-rood'] ? ', code rood' : ''}`,
    );
    for (const row of rows) out(`  ${summarise(row)}`);
  }
  return 0;
}

function describeChange(c: CovenantChange): string {
  const what =
    c.naar === 'deny' ? 'nu verboden' : c.van === 'deny' || c.van.startsWith('deny') ? 'nu toegestaan' : 'gewijzigd';
  const from = c.leverancier ? ` van ${c.leverancier}` : '';
  const where =
    c.contexten[0] === 'alle'
      ? ''
      : ` [${c.contexten.length <= 3 ? c.contexten.join('; ') : `${c.contexten.length} situaties, o.a. ${c.contexten[0]}`}]`;
  return `${what}: ${c.actie} ${c.categorie}${from} voor ${c.doel} (${c.van} → ${c.naar})${where}`;
}

function diffCommand(oldFile: string, newFile: string, json: boolean, out: (l: string) => void): number {
  const changes = diffCovenants(compileFile(oldFile), compileFile(newFile));
  if (json) {
    out(JSON.stringify(changes, null, 2));
    return 0;
  }
  if (changes.length === 0) out('geen verschil in wat wie mag zien of aanleveren');
  const byPartner = new Map<string, CovenantChange[]>();
  for (const c of changes) byPartner.set(c.partner, [...(byPartner.get(c.partner) ?? []), c]);
  for (const [partner, list] of byPartner) {
    out(`${partner}:`);
    for (const c of list) out(`  ${describeChange(c)}`);
  }
  return 0;
}

/**
 * Whether the covenant in this file has come into force: then disclosures may have been judged under
 * it, and overwriting it would change those rules after the fact (or, with a later `geldigVanaf`, put an
 * older covenant back in force). A file that does not compile never was in force.
 */
function wasInForce(file: string): boolean {
  try {
    return compileFile(file).geldigVanaf.getTime() <= systemClock.now().getTime();
  } catch {
    return false;
  }
}

/**
 * Places a checked covenant file in the folder every process reads, then tells them (PostgreSQL:
 * `NOTIFY`). Written under a name the gateways ignore and renamed, so no process reads half a file.
 */
async function publishCommand(file: string, config: Config, out: (l: string) => void): Promise<number> {
  if (!/\.ya?ml$/.test(file)) throw new UsageError('een convenant is een .yaml-bestand');
  if (checkFile(file, false, out) !== 0) return 1;
  const covenant = compileFile(file);
  const dir = config.covenantDir ?? defaultCovenantDir;
  const target = join(dir, basename(file));
  const replaces = existsSync(target);
  if (replaces && readFileSync(target, 'utf8') === covenant.sourceText) {
    out(`${covenant.label} staat al in ${dir}: niets gewijzigd`);
    return 0;
  }
  if (replaces && wasInForce(target)) {
    out(
      `${target} is (of was) van kracht en wordt niet overschreven: publiceer de nieuwe versie onder een eigen bestandsnaam`,
    );
    return 1;
  }
  const temporary = join(dir, `.${basename(file)}.${process.pid}.tmp`);
  writeFileSync(temporary, covenant.sourceText, { flag: 'wx' });
  renameSync(temporary, target);
  await notifyOnce(config.databaseUrl, 'convenant');
  out(
    `${covenant.label} ${replaces ? 'vervangt' : 'staat nu in'} ${target}; van kracht vanaf ${covenant.geldigVanaf.toISOString().slice(0, 10)}`,
  );
  return 0;
}

/** `knooppunt covenant …`: the privacy officer's tools. */
export async function covenantCommand(args: string[], config: Config, out: (l: string) => void): Promise<number> {
  const [sub, ...rest] = args;
  const { values, positionals } = parseArgs({
    args: rest,
    allowPositionals: true,
    options: {
      json: { type: 'boolean' },
      partner: { type: 'string' },
      doel: { type: 'string' },
      fase: { type: 'string' },
      actie: { type: 'string' },
      'code-rood': { type: 'boolean' },
      'geen-deelnemer': { type: 'boolean' },
      covenant: { type: 'string' },
    },
  });
  if (sub === 'check' && positionals.length === 1) return checkFile(positionals[0]!, values.json === true, out);
  if (sub === 'simulate') return simulateCommand(values, config, out);
  if (sub === 'publiceer' && positionals.length === 1) return publishCommand(positionals[0]!, config, out);
  if (sub === 'diff' && positionals.length === 2)
    return diffCommand(positionals[0]!, positionals[1]!, values.json === true, out);
  throw new UsageError(covenantUsage);
}
