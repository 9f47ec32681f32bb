import type { CompiledCovenant } from '../covenant/compile-covenant.js';
import { decide } from '../engine/decide.js';
import type { PartnerRef } from '../engine/decision.js';
import { fasen } from '../taxonomy/fasen.js';
import { representatives } from './simulate.js';

export interface CovenantChange {
  actie: 'aanleveren' | 'verstrekken';
  /** Recipient (verstrekken) or supplier (aanleveren), by kind. */
  partner: string;
  leverancier?: string;
  categorie: string;
  doel: string;
  van: string;
  naar: string;
  /** The contexts (fase, code rood, deelnemer) in which it changes; all of them when the change is general. */
  contexten: string[];
}

const contexts = [undefined, ...fasen].flatMap((fase) =>
  [false, true].flatMap((codeRood) => [true, false].map((deelnemer) => ({ fase, codeRood, deelnemer }))),
);
const label = (c: (typeof contexts)[number]) =>
  `${c.fase ?? 'geen fase'}${c.codeRood ? ', code rood' : ''}${c.deelnemer ? '' : ', geen deelnemer'}`;

/** An answer as compared across versions: the effect and, when it permits, what stays masked. */
function outcome(
  covenant: CompiledCovenant,
  actie: 'aanleveren' | 'verstrekken',
  partner: PartnerRef,
  bron: PartnerRef | undefined,
  categorie: string,
  doel: string,
  ctx: (typeof contexts)[number],
): string {
  if (!covenant.categories.has(categorie) || !covenant.purposes.has(doel)) return 'deny (onbekend in deze versie)';
  const c = decide(covenant, { actie, partner, bron, categorieen: [categorie], doel, ...ctx }).perCategory[0]!;
  return c.effect === 'deny'
    ? 'deny'
    : `${c.effect}${c.maskering.length ? ` (gemaskeerd: ${c.maskering.join(', ')})` : ''}`;
}

/**
 * What becomes allowed or forbidden between two covenant versions, per partner kind: every combination
 * of partner kind, source kind, category, purpose, phase, code rood and participation is decided under
 * both versions and the differences are grouped. Exhaustive over the two taxonomies, so nothing is missed.
 */
export function diffCovenants(oldCov: CompiledCovenant, newCov: CompiledCovenant): CovenantChange[] {
  const categories = [...new Set([...oldCov.categories.keys(), ...newCov.categories.keys()])].sort();
  const purposes = [...new Set([...oldCov.purposes.keys(), ...newCov.purposes.keys()])].sort();
  const kinds = representatives();
  const changes: CovenantChange[] = [];
  for (const actie of ['aanleveren', 'verstrekken'] as const) {
    for (const partner of kinds) {
      for (const bron of actie === 'verstrekken' ? kinds : [undefined]) {
        for (const categorie of categories) {
          for (const doel of purposes) {
            const byChange = new Map<string, string[]>();
            for (const ctx of contexts) {
              const van = outcome(oldCov, actie, partner, bron, categorie, doel, ctx);
              const naar = outcome(newCov, actie, partner, bron, categorie, doel, ctx);
              if (van !== naar)
                byChange.set(`${van}\u0000${naar}`, [...(byChange.get(`${van}\u0000${naar}`) ?? []), label(ctx)]);
            }
            for (const [key, ctxs] of byChange) {
              const [van, naar] = key.split('\u0000') as [string, string];
              changes.push({
                actie,
                partner: partner.soort,
                leverancier: bron?.soort,
                categorie,
                doel,
                van,
                naar,
                contexten: ctxs.length === contexts.length ? ['alle'] : ctxs,
              });
            }
          }
        }
      }
    }
  }
  return changes;
}
