import type { CompiledCovenant } from '../../policies/covenant/compile-covenant.js';
import { decide } from '../../policies/engine/decide.js';
import type { Decision, DecisionRequest } from '../../policies/engine/decision.js';
import type { CovenantRegistry } from './covenant-registry.js';

export const NO_COVENANT = 'geen-convenant-van-kracht';

export interface PolicyEngine {
  decide(req: DecisionRequest): Decision;
  /** The covenant in force now (its taxonomy: which categories are special, which bases exist). */
  covenant(): CompiledCovenant | undefined;
}

/**
 * Decisions by whichever covenant is in force right now. Without one (before the first start date, or
 * every file refused) everything is denied: default deny holds even when the covenant itself is missing.
 */
export function policyEngine(registry: CovenantRegistry): PolicyEngine {
  return {
    covenant: () => registry.current(),
    decide(req) {
      const covenant = registry.current();
      if (covenant) return decide(covenant, req);
      return {
        result: 'deny',
        perCategory: req.categorieen.map((categorie) => ({
          categorie,
          effect: 'deny',
          reason: 'geen-regel',
          matchedRules: [],
          maskering: [],
        })),
        matchedRules: [],
        obligations: { maskering: {}, alleenAggregaat: false },
        covenantVersion: NO_COVENANT,
      };
    },
  };
}
