import type { Caller } from '../caller.js';

/**
 * Which disclosure-log entries a privacy officer may review. The ZVH's own officer (partner soort `zvh`)
 * oversees the whole hub and sees every entry; a partner's officer answers for that partner only, so sees
 * just the entries in which that partner is the recipient or one of the sources (`bronnen`). Anything
 * else would tell one partner's officer what another partner asked for, and about whom.
 */
export type LogScope = { alles: true } | { alles: false; partner: string };

export function logScopeOf(caller: Caller): LogScope {
  return caller.partner.soort === 'zvh' ? { alles: true } : { alles: false, partner: caller.partner.id };
}

/** Whether an entry (its recipient and sources) lies within the scope. */
export function inLogScope(scope: LogScope, entry: { ontvanger: { partner: string }; bronnen: string[] }): boolean {
  return scope.alles || entry.ontvanger.partner === scope.partner || entry.bronnen.includes(scope.partner);
}
