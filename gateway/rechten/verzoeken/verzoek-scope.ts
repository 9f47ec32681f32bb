import type { RechtenverzoekRecord } from '../../../adapters/store/rechtenverzoek-repository.js';
import type { Caller } from '../../caller.js';

/**
 * Which requests a privacy officer may see. The ZVH's own officer handles them all; a partner's officer
 * only those it registered or that concern data its partner supplied, and of those only what its partner
 * already knows (its own regime and items), never which other partners are involved.
 */
export type VerzoekScope = { alles: true } | { alles: false; partner: string };

export function verzoekScopeOf(caller: Caller): VerzoekScope {
  return caller.partner.soort === 'zvh' ? { alles: true } : { alles: false, partner: caller.partner.id };
}

export function bronPartnersVan(r: Pick<RechtenverzoekRecord, 'bronPartners'>): string[] {
  return JSON.parse(r.bronPartners) as string[];
}

export function inVerzoekScope(scope: VerzoekScope, r: RechtenverzoekRecord): boolean {
  return scope.alles || r.geregistreerdDoorPartner === scope.partner || bronPartnersVan(r).includes(scope.partner);
}
