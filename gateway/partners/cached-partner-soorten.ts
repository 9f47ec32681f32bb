import type { PartnerRepository } from '../../adapters/store/partner-repository.js';

/** Partner soorten by partner id, for the ids asked that are registered. */
export type SoortOf = (partnerIds: string[]) => Promise<Map<string, string>>;

/**
 * A partner's soort is fixed when it is registered (no operation changes it), so once read it is kept
 * for the life of the process: a pull asks for its sources' soorten on every call.
 */
export function cachedPartnerSoorten(partners: Pick<PartnerRepository, 'findByIds'>): SoortOf {
  const known = new Map<string, string>();
  return async (partnerIds) => {
    const missing = [...new Set(partnerIds)].filter((id) => !known.has(id));
    if (missing.length > 0) for (const p of await partners.findByIds(missing)) known.set(p.id, p.soort);
    return new Map(partnerIds.filter((id) => known.has(id)).map((id) => [id, known.get(id)!]));
  };
}
