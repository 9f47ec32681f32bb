import type { CompiledCovenant } from '../covenant/compile-covenant.js';
import type { CategoryDecision, Decision, DecisionRequest, ReasonCode } from './decision.js';

const reasonText: Record<ReasonCode, string> = {
  toegestaan: 'toegestaan',
  'alleen-aggregaat': 'alleen als geanonimiseerd aggregaat (doel valt onder analyse)',
  'geen-regel': 'geen regel staat dit toe (standaard: weigeren)',
  'verboden-door-regel': 'verboden door een regel',
  'doel-verboden': 'het doel valt onder (of omvat) een verboden doel',
  'doel-niet-toegestaan': 'het doel valt niet onder een toegestaan doel',
  'geen-grondslag-bijzonder': 'bijzonder persoonsgegeven zonder grondslag die het dekt',
  'geen-toestemming': 'de regel rust op toestemming, maar er is geen toestemming vastgelegd',
  'geen-deelnemer': 'ontvanger neemt niet deel aan de casus',
  fase: 'niet in deze fase van de casus',
  'code-rood': 'alleen bij code rood',
  'onbekende-categorie': 'onbekende gegevenscategorie',
  'onbekend-doel': 'onbekend doel',
};

/** One category's decision as a sentence a privacy officer can check against the covenant text. */
export function explainCategory(covenant: CompiledCovenant, c: CategoryDecision): string {
  const rule = (id: string | undefined) => (id ? covenant.rules.find((r) => r.id === id) : undefined);
  const parts = [`${c.categorie}: ${reasonText[c.reason]}`];
  if (c.effect !== 'deny') {
    parts.push(`op grond van ${c.matchedRules.join(', ')}`);
    const basis = c.grondslag ? covenant.grondslagen.get(c.grondslag) : undefined;
    if (basis) parts.push(`grondslag AVG ${basis.avg}${basis.nationaal ? ` / ${basis.nationaal}` : ''}`);
    if (c.maskering.length > 0) parts.push(`gemaskeerd: ${c.maskering.join(', ')}`);
    if (c.bewaartermijn) parts.push(`bewaartermijn ${c.bewaartermijn.duur} vanaf ${c.bewaartermijn.vanaf}`);
  } else if (c.denyingRule) {
    parts.push(`regel ${c.denyingRule}: ${rule(c.denyingRule)?.source.omschrijving ?? ''}`);
  } else if (c.nearestRule) {
    parts.push(`dichtstbijzijnde regel ${c.nearestRule}: ${rule(c.nearestRule)?.source.omschrijving ?? ''}`);
  }
  return parts.join(' — ');
}

/** The whole decision in words: the question, then one line per category. */
export function explain(covenant: CompiledCovenant, req: DecisionRequest, decision: Decision): string[] {
  const who =
    req.actie === 'aanleveren'
      ? `${req.partner.id} levert aan`
      : `${req.partner.id} ontvangt${req.bron ? ` van ${req.bron.id}` : ''}`;
  const context = [
    req.fase ? `fase ${req.fase}` : undefined,
    req.deelnemer ? 'deelnemer' : 'geen deelnemer',
    req.codeRood ? 'code rood' : undefined,
  ]
    .filter(Boolean)
    .join(', ');
  return [
    `${who} voor doel ${req.doel} (${context}) volgens ${decision.covenantVersion}: ${decision.result}`,
    ...decision.perCategory.map((c) => `  ${explainCategory(covenant, c)}`),
  ];
}
