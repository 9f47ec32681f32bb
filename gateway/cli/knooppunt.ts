#!/usr/bin/env -S node --import tsx
import { realpathSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { rotateGatewayKeys } from '../../adapters/crypto/gateway-keys.js';
import { ConfigError, loadConfig } from '../config/load-config.js';
import { DomainError } from '../errors/domain-error.js';
import { assertionCommand, assertionUsage } from './assertion-command.js';
import { casussenCommand, casussenUsage } from './casussen-command.js';
import { covenantCommand, covenantUsage } from './covenant-command.js';
import { importCommand, importUsage } from './import-command.js';
import { ledgerCommand, ledgerUsage } from './ledger-command.js';
import { keyPaths } from '../bootstrap/key-paths.js';
import { openCliContext } from './cli-context.js';
import { medewerkersCommand, medewerkersUsage } from './medewerkers-command.js';
import { partnersCommand, partnersUsage, UsageError } from './partners-command.js';
import { verzoekenCommand, verzoekenUsage } from './verzoeken-command.js';
import { retentionCommand, retentionUsage } from './retention-command.js';

const usage = `knooppunt <command>   (knooppunt help: this text; configuration as for npm start: DATABASE_URL, KNOOPPUNT_DATA_DIR, …)

${partnersUsage}

${medewerkersUsage}

${covenantUsage}

${importUsage}

${ledgerUsage}

${retentionUsage}
${casussenUsage}

knooppunt keys rotate   new gateway signing key; the old one keeps verifying what it signed

${verzoekenUsage}

${assertionUsage}`;

/** The command line for beheerders. Exit codes: 0 ok, 1 refused (reason printed), 2 usage, 78 configuration. */
export async function runCli(
  argv: string[],
  io: { out?: (line: string) => void; err?: (line: string) => void; env?: Record<string, string | undefined> } = {},
): Promise<number> {
  const out = io.out ?? console.log;
  const err = io.err ?? console.error;
  const [command, ...args] = argv;
  if (command === 'help' || command === '--help' || command === '-h') {
    out(usage);
    return 0;
  }
  let config;
  try {
    config = loadConfig(io.env ?? process.env);
  } catch (e) {
    if (e instanceof ConfigError) {
      err(e.message);
      return 78;
    }
    throw e;
  }
  try {
    if (command === 'keys' && args[0] === 'rotate') {
      out(
        `nieuwe ondertekeningssleutel ${await rotateGatewayKeys(keyPaths(config.dataDir).gatewaySigning, new Date())}`,
      );
      return 0;
    }
    if (command === 'assertion') return await assertionCommand(args, config, out);
    if (command === 'covenant') return await covenantCommand(args, config, out);
    if (command === 'import') return await importCommand(args, config, out, err);
    if (command === 'ledger') return await ledgerCommand(args, config, out, err);
    if (command === 'verzoeken') return await verzoekenCommand(args, config, out);
    if (command === 'retention') return await retentionCommand(args, config, out);
    if (command === 'casussen') return await casussenCommand(args, config, out);
    if (command !== 'partners' && command !== 'medewerkers') throw new UsageError(usage);
    const ctx = await openCliContext(config, out);
    try {
      return command === 'partners' ? await partnersCommand(args, ctx) : await medewerkersCommand(args, ctx);
    } finally {
      await ctx.store.close();
    }
  } catch (e) {
    if (e instanceof UsageError) {
      err(e.message);
      return 2;
    }
    if (e instanceof DomainError) {
      const params = e.extra.invalidParams?.map((p) => ` ${p.name}: ${p.reason}`).join(';') ?? '';
      err(`geweigerd (${e.code}): ${e.message}${params}`);
      return 1;
    }
    // A fresh data directory has no dev PKI yet (load-trust reports it as a configuration error).
    if (e instanceof ConfigError) {
      err(`${e.message} (start de gateway één keer, of zet KNOOPPUNT_DATA_DIR / de TLS-instellingen)`);
      return 78;
    }
    const missing = missingFile(e);
    if (missing) {
      err(
        `bestand niet gevonden: ${missing} (start de gateway één keer, of zet KNOOPPUNT_DATA_DIR / de TLS-instellingen)`,
      );
      return 78;
    }
    throw e;
  }
}

/** The path of a file that does not exist, when that is what went wrong (a fresh data directory). */
function missingFile(e: unknown): string | undefined {
  const { code, path } = (e ?? {}) as { code?: unknown; path?: unknown };
  return code === 'ENOENT' && typeof path === 'string' ? path : undefined;
}

/**
 * True when node was started on this file (`node --import tsx gateway/cli/knooppunt.ts`). Compared by
 * real path, so a symlinked checkout or a path with spaces still counts; the installed `knooppunt`
 * command (bin/knooppunt.js) calls `runCli` itself.
 */
function startedDirectly(): boolean {
  const script = process.argv[1];
  if (!script) return false;
  try {
    return pathToFileURL(realpathSync(script)).href === pathToFileURL(realpathSync(new URL(import.meta.url))).href;
  } catch {
    return false;
  }
}

if (startedDirectly()) process.exitCode = await runCli(process.argv.slice(2));
