import type { CompiledCovenant } from '../covenant/compile-covenant.js';
import { decide } from '../engine/decide.js';
import { explainCategory } from '../engine/explain.js';
import type { DecisionRequest, PartnerRef } from '../engine/decision.js';
import type { Fase } from '../taxonomy/fasen.js';
import { partnerSoorten } from '../taxonomy/partner-soorten.js';

export interface SimulationQuery {
  partner: PartnerRef;
  doel: string;
  actie?: 'aanleveren' | 'verstrekken';
  fase?: Fase;
  deelnemer?: boolean;
  codeRood?: boolean;
}

export interface SimulationRow {
  categorie: string;
  bijzonder: string;
  /** For verstrekken: per supplying partner kind; for aanleveren: one entry for the partner itself. */
  bronnen: {
    leverancier: string;
    effect: 'permit' | 'deny' | 'aggregaat';
    uitleg: string;
    regels: string[];
    maskering: string[];
  }[];
}

/** A partner of each kind, standing for every partner of that kind in a simulation. */
export function representatives(): PartnerRef[] {
  return partnerSoorten.map((soort) => ({ id: `(${soort})`, soort }));
}

/**
 * What `partner` would see (or may supply) for `doel`, category by category and source by source, with
 * the reason for each answer: the question a privacy officer asks before signing a change.
 */
export function simulate(covenant: CompiledCovenant, q: SimulationQuery): SimulationRow[] {
  const actie = q.actie ?? 'verstrekken';
  const sources = actie === 'verstrekken' ? representatives() : [q.partner];
  return [...covenant.categories.values()].map((cat) => ({
    categorie: cat.key,
    bijzonder: cat.bijzonder,
    bronnen: sources.map((bron) => {
      const req: DecisionRequest = {
        actie,
        partner: q.partner,
        bron: actie === 'verstrekken' ? bron : undefined,
        categorieen: [cat.key],
        doel: q.doel,
        fase: q.fase,
        deelnemer: q.deelnemer ?? true,
        codeRood: q.codeRood,
      };
      const c = decide(covenant, req).perCategory[0]!;
      return {
        leverancier: bron.soort,
        effect: c.effect,
        uitleg: explainCategory(covenant, c),
        regels: c.effect === 'deny' ? [c.denyingRule ?? c.nearestRule].filter((r): r is string => !!r) : c.matchedRules,
        maskering: c.maskering,
      };
    }),
  }));
}
