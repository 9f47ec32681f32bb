import type { Db } from '../../adapters/store/open-store.js';

export type SoortOf = (partnerIds: string[]) => Promise<Map<string, string>>;

/**
 * A partner's soort is fixed when it is registered (no operation changes it), so once read it is kept
 * for the life of the process: a pull asks for its sources' soorten on every call.
 */
export function partnerSoorten(db: Db): SoortOf {
  const known = new Map<string, string>();
  return async (partnerIds) => {
    const missing = [...new Set(partnerIds)].filter((id) => !known.has(id));
    if (missing.length > 0) {
      for (const p of await db.partner.findMany({ where: { id: { in: missing } }, select: { id: true, soort: true } }))
        known.set(p.id, p.soort);
    }
    return new Map(partnerIds.filter((id) => known.has(id)).map((id) => [id, known.get(id)!]));
  };
}
