import { compileCovenant, type CompiledCovenant } from './compile-covenant.js';
import { CovenantInvalid } from './covenant-error.js';
import { parseCovenant } from './parse-covenant.js';
import { checkCovenant, type Finding } from '../tools/check-covenant.js';

/**
 * Parse, compile and lint in one step: what a covenant must pass before it may decide anything.
 * Lint errors (e.g. a special category under a legal basis that does not cover it) make it invalid too.
 */
export function loadCovenantText(
  text: string,
  file: string,
  knownPartners?: ReadonlySet<string>,
): { covenant: CompiledCovenant; warnings: Finding[] } {
  const covenant = compileCovenant(parseCovenant(text, file), text);
  const findings = checkCovenant(covenant, file, knownPartners);
  const errors = findings.filter((f) => f.severity === 'error');
  if (errors.length > 0) throw new CovenantInvalid(errors);
  return { covenant, warnings: findings.filter((f) => f.severity === 'warning') };
}
