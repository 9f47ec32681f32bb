import type { Decision } from '../../policies/engine/decision.js';
import { explainCategory } from '../../policies/engine/explain.js';
import type { PolicyEngine } from '../covenant/policy-engine.js';
import { DomainError, type InvalidParam } from '../errors/domain-error.js';

/**
 * Turns a decision with refused categories into a 403 that names each one and why (the partner's
 * integrator can act on it); returns the decision when everything was permitted.
 */
export function requirePermitted(
  policy: PolicyEngine,
  decision: Decision,
  pointer: (categorie: string) => string,
): Decision {
  const covenant = policy.covenant();
  const refused = decision.perCategory.filter((c) => c.effect === 'deny');
  if (refused.length === 0) return decision;
  const invalidParams: InvalidParam[] = refused.map((c) => ({
    name: pointer(c.categorie),
    reason: covenant ? explainCategory(covenant, c) : `${c.categorie}: geen convenant van kracht`,
  }));
  throw new DomainError(
    'covenant-denied',
    `Het convenant (${decision.covenantVersion}) staat niet toe: ${refused.map((c) => c.categorie).join(', ')}.`,
    { invalidParams },
  );
}
