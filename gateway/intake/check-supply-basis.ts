import type { CompiledCovenant } from '../../policies/covenant/compile-covenant.js';
import { decide } from '../../policies/engine/decide.js';
import type { DecisionRequest } from '../../policies/engine/decision.js';
import { explainCategory } from '../../policies/engine/explain.js';
import { purposeVerdict } from '../../policies/engine/purpose-verdict.js';
import type { Caller } from '../caller.js';
import { DomainError, type InvalidParam } from '../errors/domain-error.js';

/** What the legal-basis check reads of one supplied item. */
export interface SuppliedItem {
  categorie: string;
  grondslag: string;
  toestemming?: string;
}

type Context = Pick<DecisionRequest, 'fase' | 'codeRood'>;

const closedPurpose = (reden: string, regel?: string) =>
  `${reden}${regel ? ` (regel ${regel})` : ''}: dit doel staat het convenant voor aanleveren door deze partner niet toe`;

/** Why this item may not be supplied as declared, or undefined when a permitting rule carries it. */
function itemProblem(
  covenant: CompiledCovenant,
  request: Omit<DecisionRequest, 'categorieen' | 'toestemming'>,
  item: SuppliedItem,
  i: number,
): InvalidParam | undefined {
  const basis = covenant.grondslagen.get(item.grondslag)!;
  const bijzonder = covenant.categories.get(item.categorie)!.bijzonder;
  if (bijzonder !== 'geen' && !basis.dekt.has(bijzonder))
    return {
      name: `/items/${i}/grondslag`,
      reason: `grondslag ${item.grondslag} (AVG ${basis.avg}) dekt geen ${bijzonder}-gegevens zoals ${item.categorie}`,
    };
  if (basis.toestemming && !item.toestemming)
    return {
      name: `/items/${i}/toestemming`,
      reason: `grondslag ${item.grondslag} rust op toestemming: verwijs naar de vastgelegde toestemming van betrokkene`,
    };
  const decision = decide(covenant, { ...request, categorieen: [item.categorie], toestemming: !!item.toestemming });
  const c = decision.perCategory[0]!;
  if (c.effect === 'deny') return { name: `/items/${i}/categorie`, reason: explainCategory(covenant, c) };
  const rules = c.matchedRules.map((id) => covenant.rules.find((r) => r.id === id)!);
  if (rules.some((r) => r.grondslag?.key === item.grondslag)) return undefined;
  return {
    name: `/items/${i}/grondslag`,
    reason: `${item.categorie} mag worden aangeleverd op grond van ${rules
      .map((r) => `regel ${r.id} (grondslag ${r.grondslag?.key ?? 'geen'})`)
      .join(', ')}, niet onder grondslag ${item.grondslag}`,
  };
}

/**
 * The supply of information is lawful only as the covenant describes it: the declared purpose must be one
 * the partner may supply for at all, and every item must be carried by a permitting `aanleveren` rule for
 * its category *under the legal basis the item declares* — a basis that covers the category's special
 * kind (AVG art. 9/10, BSN), and, where it rests on consent (AVG 6.1.a / 9.2.a), with the item's reference
 * to the recorded consent. Otherwise nothing is stored: a 403 naming each refused field and the rule.
 * Unknown categories and bases are a 400 before this (the caller checks them).
 */
export function checkSupplyBasis(
  covenant: CompiledCovenant,
  caller: Caller,
  doel: string,
  items: readonly SuppliedItem[],
  context: Context,
): void {
  const verdict = purposeVerdict(covenant, 'aanleveren', caller.partner, doel);
  if (!verdict.toegestaan)
    throw new DomainError(
      'covenant-denied',
      `Het convenant (${covenant.label}) staat aanleveren voor ${doel} niet toe.`,
      {
        invalidParams: [{ name: '/doel', reason: closedPurpose(verdict.reden, verdict.regel) }],
      },
    );
  const request = { actie: 'aanleveren' as const, partner: caller.partner, doel, deelnemer: true, ...context };
  const problems = items
    .map((item, i) => itemProblem(covenant, request, item, i))
    .filter((p): p is InvalidParam => p !== undefined);
  if (problems.length > 0)
    throw new DomainError(
      'covenant-denied',
      `Het convenant (${covenant.label}) staat deze aanlevering niet toe: ${problems.map((p) => p.name).join(', ')}.`,
      { invalidParams: problems },
    );
}
