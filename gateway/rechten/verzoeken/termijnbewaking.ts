import type { UseCaseDeps } from '../../use-case-deps.js';
import { amsterdamDatum, dagenTussen } from '../termijnen/kalender.js';
import { eigenRegimes, samenvatting } from './verzoek-weergave.js';
import { inVerzoekScope, type VerzoekScope } from './verzoek-scope.js';

/** Every request in scope, newest first. */
export async function lijstVerzoeken(deps: Pick<UseCaseDeps, 'store'>, scope: VerzoekScope, status?: string) {
  const eigen = await eigenRegimes(deps, scope);
  return (await deps.store.rechtenverzoeken.list())
    .filter((r) => inVerzoekScope(scope, r) && (!status || r.status === status))
    .map((r) => samenvatting(r, eigen));
}

/**
 * Open requests whose deadline has passed (most overdue first), then those due within `binnenDagen`
 * days (soonest first), with the days left (negative when overdue), in the caller's scope.
 */
export async function termijnbewaking(
  deps: Pick<UseCaseDeps, 'store' | 'clock'>,
  scope: VerzoekScope,
  binnenDagen: number,
) {
  const vandaag = amsterdamDatum(deps.clock.now());
  const eigen = await eigenRegimes(deps, scope);
  return (await deps.store.rechtenverzoeken.list({ open: true }))
    .filter((r) => inVerzoekScope(scope, r))
    .map((r) => {
      const s = samenvatting(r, eigen);
      return { ...s, dagenOver: dagenTussen(vandaag, s.uiterlijk), verlopen: s.uiterlijk < vandaag };
    })
    .filter((s) => s.dagenOver <= binnenDagen)
    .sort((a, b) => a.dagenOver - b.dagenOver || a.id.localeCompare(b.id));
}
