import type { CompiledCovenant, CompiledRule } from '../covenant/compile-covenant.js';
import type { PartnerSelector } from '../covenant/covenant-schema.js';
import type { CategoryDecision, Decision, DecisionRequest, PartnerRef, ReasonCode } from './decision.js';

/** The purpose (and its subtree) that may only ever yield aggregates. */
export const ANALYSE = 'analyse';

export function selects(selector: PartnerSelector, partner: PartnerRef | undefined): boolean {
  if (selector === '*') return true;
  if (!partner) return false;
  return 'partner' in selector ? selector.partner === partner.id : selector.soort === partner.soort;
}

/** Why `rule` does not apply to this request, or undefined when it does (category already matched). */
function misses(rule: CompiledRule, req: DecisionRequest, bijzonder: string): ReasonCode | undefined {
  const supplier = req.actie === 'aanleveren' ? req.partner : req.bron;
  if (!selects(rule.leverancier, supplier)) return 'geen-regel';
  if (req.actie === 'verstrekken' && !selects(rule.ontvanger, req.partner)) return 'geen-regel';
  if (rule.effect === 'deny') return rule.denyForAll || rule.blocks.has(req.doel) ? undefined : 'geen-regel';
  if (rule.deelnemer && !req.deelnemer) return 'geen-deelnemer';
  if (rule.fasen && (!req.fase || !rule.fasen.has(req.fase))) return 'fase';
  if (rule.codeRood !== undefined && rule.codeRood !== (req.codeRood ?? false)) return 'code-rood';
  if (rule.blocks.has(req.doel)) return 'doel-verboden';
  if (!rule.allows.has(req.doel)) return 'doel-niet-toegestaan';
  if (bijzonder !== 'geen' && !rule.grondslag?.dekt.has(bijzonder as never)) return 'geen-grondslag-bijzonder';
  if (rule.grondslag?.toestemming && !req.toestemming) return 'geen-toestemming';
  return undefined;
}

/** How informative a refusal reason is: the explanation names the most specific near miss. */
const specificity: Record<ReasonCode, number> = {
  'geen-regel': 0,
  'onbekende-categorie': 0,
  'onbekend-doel': 0,
  toegestaan: 0,
  'alleen-aggregaat': 0,
  'verboden-door-regel': 0,
  'doel-niet-toegestaan': 1,
  'geen-deelnemer': 2,
  fase: 2,
  'code-rood': 2,
  'doel-verboden': 3,
  'geen-grondslag-bijzonder': 3,
  // Every other condition held: only the consent is missing, the most useful thing to tell.
  'geen-toestemming': 4,
};

function denied(categorie: string, reason: ReasonCode, extra: Partial<CategoryDecision> = {}): CategoryDecision {
  return { categorie, effect: 'deny', reason, matchedRules: [], maskering: [], ...extra };
}

function shortest(a: string, b: string): string {
  // Durations of one unit compare by days; mixed units are rare enough to approximate (Y=365, M=30, W=7).
  const days = (d: string) =>
    [...d.matchAll(/(\d+)([YMWD])/g)].reduce(
      (n, [, v, u]) => n + Number(v) * { Y: 365, M: 30, W: 7, D: 1 }[u as 'Y']!,
      0,
    );
  return days(a) <= days(b) ? a : b;
}

function decideCategory(
  covenant: CompiledCovenant,
  req: DecisionRequest,
  categorie: string,
  analyse: boolean,
): CategoryDecision {
  const cat = covenant.categories.get(categorie);
  if (!cat) return denied(categorie, 'onbekende-categorie');
  const permits: CompiledRule[] = [];
  let nearest: { rule: CompiledRule; reason: ReasonCode } | undefined;
  for (const rule of covenant.rulesFor(req.actie, categorie)) {
    const miss = misses(rule, req, cat.bijzonder);
    if (miss === undefined) {
      if (rule.effect === 'deny') return denied(categorie, 'verboden-door-regel', { denyingRule: rule.id });
      permits.push(rule);
    } else if (!nearest || specificity[miss] > specificity[nearest.reason]) {
      nearest = { rule, reason: miss };
    }
  }
  if (permits.length === 0) {
    return nearest && specificity[nearest.reason] > 0
      ? denied(categorie, nearest.reason, { nearestRule: nearest.rule.id })
      : denied(categorie, 'geen-regel');
  }
  const masked = permits.map((r) => new Set(r.maskering)).reduce((a, b) => new Set([...a].filter((f) => b.has(f))));
  const retention = permits.map((r) => r.bewaartermijn).filter((b) => b !== undefined);
  return {
    categorie,
    effect: analyse ? 'aggregaat' : 'permit',
    reason: analyse ? 'alleen-aggregaat' : 'toegestaan',
    matchedRules: permits.map((r) => r.id),
    grondslag: permits[0]!.grondslag?.key,
    maskering: [...masked].sort(),
    bewaartermijn:
      retention.length === 0 ? undefined : retention.reduce((a, b) => (shortest(a.duur, b.duur) === a.duur ? a : b)),
  };
}

/**
 * The covenant's answer, category by category. Default deny; a matching deny rule wins over any permit;
 * a grant on a category covers its children; the purpose must lie under an allowed purpose and not
 * under or over a prohibited one; special categories need a legal basis that covers them; purposes
 * under `analyse` only ever yield aggregates. Pure and deterministic: same covenant and request, same answer.
 */
export function decide(covenant: CompiledCovenant, req: DecisionRequest): Decision {
  const purpose = covenant.purposes.get(req.doel);
  const analyse = purpose?.ancestors.includes(ANALYSE) ?? false;
  const perCategory = req.categorieen.map((c) =>
    purpose ? decideCategory(covenant, req, c, analyse) : denied(c, 'onbekend-doel'),
  );
  const allowed = perCategory.filter((c) => c.effect !== 'deny');
  const maskering: Record<string, string[]> = {};
  for (const c of allowed) if (c.maskering.length > 0) maskering[c.categorie] = c.maskering;
  return {
    result: allowed.length === 0 ? 'deny' : allowed.length === perCategory.length ? 'permit' : 'gedeeltelijk',
    perCategory,
    matchedRules: [...new Set(allowed.flatMap((c) => c.matchedRules))],
    denyingRule: perCategory.find((c) => c.denyingRule)?.denyingRule,
    obligations: { maskering, alleenAggregaat: analyse },
    covenantVersion: covenant.label,
  };
}
