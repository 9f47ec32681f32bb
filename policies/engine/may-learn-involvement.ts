import type { CompiledCovenant } from '../covenant/compile-covenant.js';
import { decide } from './decide.js';
import type { PartnerRef } from './decision.js';

export interface InvolvementQuestion {
  /** Who asks the verwijsindex. */
  asker: PartnerRef;
  /** A partner that supplied data about the person. */
  bron: PartnerRef;
  /** The categories that partner supplied about this person (not about the household). */
  categorieen: readonly string[];
  doel: string;
}

/**
 * May the verwijsindex tell `asker` that `bron` knows this person? Only where the covenant lets the asker
 * learn involvement (`betrokkenheid`) from that source for this purpose, and the involvement itself gives
 * nothing away: "GGZ knows her" tells the police she is in psychiatric care. So where the source holds a
 * sensitive category about the person (special, or marked gevoelig), the asker must be one who may receive
 * that category from that source for this purpose (as a participant); otherwise the source stays unnamed.
 */
export function mayLearnInvolvement(covenant: CompiledCovenant, q: InvolvementQuestion): boolean {
  const base = { actie: 'verstrekken' as const, partner: q.asker, bron: q.bron, doel: q.doel };
  const involvement = decide(covenant, { ...base, categorieen: ['betrokkenheid'], deelnemer: false });
  if (involvement.result === 'deny') return false;
  const sensitive = q.categorieen.filter((c) => covenant.categories.get(c)?.gevoelig ?? true);
  if (sensitive.length === 0) return true;
  const seen = decide(covenant, { ...base, categorieen: sensitive, deelnemer: true });
  return seen.perCategory.some((c) => c.effect === 'permit');
}
