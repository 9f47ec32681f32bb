import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Logger } from 'pino';
import type { CompiledCovenant } from '../../policies/covenant/compile-covenant.js';
import { CovenantInvalid, formatIssue } from '../../policies/covenant/covenant-error.js';
import { loadCovenantText } from '../../policies/covenant/load-covenant-text.js';
import type { Clock } from '../clock.js';
import { fileVersion } from '../file-version.js';

export interface RefusedFile {
  file: string;
  reasons: string[];
  at: Date;
}

export interface CovenantRegistry {
  /** The version in force at `now` (latest start date wins), or undefined: then everything is denied. */
  current(now?: Date): CompiledCovenant | undefined;
  versions(): readonly CompiledCovenant[];
  refused(): readonly RefusedFile[];
  /** Re-reads changed files now (otherwise done by the poller); true when a file was added, changed or removed. */
  refresh(): boolean;
  stop(): void;
}

interface Entry {
  /** `fileVersion` of the file when it was read. */
  version: string;
  covenant?: CompiledCovenant;
}

/**
 * All covenant versions in a folder (`*.yaml`), kept in memory and re-read when a file changes. A new
 * version takes effect at its own start date, chosen per decision by the clock, so no restart is ever
 * needed; a file that does not pass parse + lint is refused with its reasons and the version that was
 * loaded from it before (if any) stays in force.
 */
export function covenantRegistry(
  dir: string,
  deps: {
    logger: Logger;
    clock: Clock;
    pollMs?: number;
    onLoaded?: (c: CompiledCovenant) => void;
    /** The poller found a change: with N processes, tell the others rather than wait for their pollers. */
    onChanged?: () => void;
  },
): CovenantRegistry {
  const entries = new Map<string, Entry>();
  const refusals = new Map<string, RefusedFile>();

  const refresh = (): boolean => {
    let changed = false;
    const files = readdirSync(dir)
      .filter((f) => /\.ya?ml$/.test(f))
      .sort();
    for (const name of files) {
      const path = join(dir, name);
      const stat = statSync(path);
      const known = entries.get(path);
      const version = fileVersion(stat);
      if (known && known.version === version) continue;
      changed = true;
      try {
        const { covenant, warnings } = loadCovenantText(readFileSync(path, 'utf8'), name);
        entries.set(path, { version, covenant });
        refusals.delete(path);
        deps.logger.info({
          msg: 'covenant loaded',
          covenant: covenant.label,
          file: name,
          sha256: covenant.sha256,
          warnings: warnings.length,
        });
        deps.onLoaded?.(covenant);
      } catch (err) {
        const reasons = err instanceof CovenantInvalid ? err.issues.map(formatIssue) : [(err as Error).message];
        // Keep what this file gave before: a broken edit must not switch the covenant off.
        entries.set(path, { version, covenant: known?.covenant });
        refusals.set(path, { file: name, reasons, at: deps.clock.now() });
        deps.logger.error({ msg: 'covenant refused', file: name, reasons });
      }
    }
    for (const path of [...entries.keys()])
      if (!files.some((f) => join(dir, f) === path)) {
        entries.delete(path);
        refusals.delete(path);
        changed = true;
      }
    return changed;
  };

  refresh();
  const timer = setInterval(() => {
    try {
      if (refresh()) deps.onChanged?.();
    } catch (err) {
      deps.logger.error({ msg: 'covenant folder unreadable', errorName: (err as Error).name });
    }
  }, deps.pollMs ?? 2000);
  timer.unref();

  const versions = () =>
    [...entries.values()].map((e) => e.covenant).filter((c): c is CompiledCovenant => c !== undefined);
  return {
    current(now = deps.clock.now()) {
      const t = now.getTime();
      return versions()
        .filter((c) => c.geldigVanaf.getTime() <= t && (!c.geldigTot || t < c.geldigTot.getTime()))
        .sort(
          (a, b) =>
            b.geldigVanaf.getTime() - a.geldigVanaf.getTime() ||
            b.versie.localeCompare(a.versie, undefined, { numeric: true }),
        )[0];
    },
    versions,
    refused: () => [...refusals.values()],
    refresh,
    stop: () => clearInterval(timer),
  };
}
