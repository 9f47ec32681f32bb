import type { PolicyEngine } from '../covenant/policy-engine.js';
import { DomainError } from '../errors/domain-error.js';

/** A pull names a `doel` of the covenant in force; anything else is a 400 listing the doelen there are. */
export function requireKnownDoel(policy: PolicyEngine, doel: string): void {
  const covenant = policy.covenant();
  if (covenant && !covenant.purposes.has(doel))
    throw new DomainError('invalid-request', `Onbekend doel ${doel}.`, {
      invalidParams: [{ name: 'doel', reason: `doelen: ${[...covenant.purposes.keys()].join(', ')}` }],
    });
}
