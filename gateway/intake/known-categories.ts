import { DomainError } from '../errors/domain-error.js';
import type { UseCaseDeps } from '../use-case-deps.js';

/**
 * Free text carries the categories its supplier classified it under (a referral's reason, a triage
 * motivation): each must be a category of the covenant in force, or the text could never be judged.
 */
export function requireKnownCategories(
  deps: Pick<UseCaseDeps, 'policy'>,
  categorieen: readonly string[] | undefined,
  pointer: string,
): void {
  if (!categorieen?.length) return;
  const covenant = deps.policy.covenant();
  const problems = categorieen
    .map((c, i) => ({ c, i }))
    .filter(({ c }) => !covenant?.categories.has(c))
    .map(({ c, i }) => ({ name: `${pointer}/${i}`, reason: `onbekende categorie ${c}` }));
  if (problems.length > 0)
    throw new DomainError('invalid-request', 'De classificatie van de tekst klopt niet.', { invalidParams: problems });
}
