import type { LogScope } from './log-scope.js';

/**
 * A log entry as a partner's privacy officer may read it. `details.beperkt` names the restrictions of
 * processing (AVG art. 18) that withheld items: only the ZVH's officer, who handles the request, sees
 * it. To the recipient's officer a restricted item must look like any covenant refusal (it is still in
 * `weggelaten`), or the log would tell the recipient that the person has a subject-rights request.
 * The leaf hash stays that of the whole entry: the receipt the recipient holds still proves inclusion.
 */
export function regelVoorScope<T extends { details?: Record<string, unknown> }>(scope: LogScope, regel: T): T {
  if (scope.alles || regel.details?.beperkt === undefined) return regel;
  const { beperkt: _beperkt, ...details } = regel.details;
  return { ...regel, details };
}
