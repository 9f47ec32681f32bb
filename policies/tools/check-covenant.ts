import type { CompiledCovenant } from '../covenant/compile-covenant.js';
import type { CovenantIssue } from '../covenant/covenant-error.js';
import { ANALYSE } from '../engine/decide.js';
import { partnerSoorten } from '../taxonomy/partner-soorten.js';
import { checkDescriptions } from './check-descriptions.js';

export interface Finding extends CovenantIssue {
  severity: 'error' | 'warning';
}

/**
 * Lint beyond the schema (which `parseCovenant` already enforced): things that make a covenant wrong
 * or misleading although it parses. Errors block loading; warnings are for the privacy officer.
 */
export function checkCovenant(
  covenant: CompiledCovenant,
  file: string,
  knownPartners: ReadonlySet<string> = new Set(),
): Finding[] {
  const findings: Finding[] = [];
  const add = (severity: Finding['severity'], field: string, message: string) =>
    findings.push({ severity, file, field, message });
  covenant.rules.forEach((rule, i) => {
    const field = `regels[${i}] (${rule.id})`;
    if (rule.effect === 'permit') {
      for (const key of rule.source.categorieen) {
        const mark = covenant.categories.get(key)!.bijzonder;
        if (mark !== 'geen' && !rule.grondslag?.dekt.has(mark)) {
          add(
            'error',
            field,
            `categorie ${key} is bijzonder (${mark}) maar grondslag ${rule.grondslag?.key} dekt dat niet: deze regel kan ${key} nooit toestaan`,
          );
        }
      }
      if ([...rule.allows].every((d) => rule.blocks.has(d)))
        add('error', field, 'elk toegestaan doel is ook verboden: deze regel kan nooit gelden');
      if (rule.fasen?.size === 0) add('error', field, 'geen enkele fase: deze regel kan nooit gelden');
      if (rule.actie === 'verstrekken' && rule.allows.has(ANALYSE) && rule.maskering.length === 0 && rule.deelnemer) {
        add('warning', field, 'analyse met deelnemer-voorwaarde: aggregaten gaan over casussen, niet over één casus');
      }
    }
    for (const selector of [rule.leverancier, rule.ontvanger]) {
      if (selector !== '*' && 'partner' in selector && knownPartners.size > 0 && !knownPartners.has(selector.partner)) {
        add('warning', field, `partner ${selector.partner} is niet geregistreerd`);
      }
    }
    // Deny wins whatever the order, so a permit is dead when one deny covers all it could ever grant.
    const sameOrWider = (deny: typeof rule.leverancier, permit: typeof rule.leverancier) =>
      deny === '*' || JSON.stringify(deny) === JSON.stringify(permit);
    const shadowedBy =
      rule.effect === 'permit' &&
      covenant.rules.find(
        (other) =>
          other.effect === 'deny' &&
          other.actie === rule.actie &&
          other.denyForAll &&
          sameOrWider(other.leverancier, rule.leverancier) &&
          sameOrWider(other.ontvanger, rule.ontvanger) &&
          [...rule.covers].every((c) => other.covers.has(c)),
      );
    if (shadowedBy)
      add('error', field, `wordt altijd overstemd door deny-regel ${shadowedBy.id}: deze regel kan nooit gelden`);
  });
  for (const s of covenant.document.convenant.ondertekenaars) {
    if (knownPartners.size > 0 && !knownPartners.has(s.partner))
      add('warning', 'convenant.ondertekenaars', `ondertekenaar ${s.partner} is niet geregistreerd`);
  }
  const kindsWithRules = new Set(
    covenant.rules
      .flatMap((r) => [r.leverancier, r.ontvanger])
      .filter((s) => s !== '*' && 'soort' in s)
      .map((s) => (s as { soort: string }).soort),
  );
  for (const soort of partnerSoorten) {
    if (soort !== 'overig' && !kindsWithRules.has(soort))
      add('warning', 'regels', `geen enkele regel noemt partnersoort ${soort}`);
  }
  const used = new Set(covenant.rules.flatMap((r) => r.source.categorieen));
  for (const [key, cat] of covenant.categories) {
    if (!cat.ancestors.some((a) => used.has(a)) && ![...covenant.categories.values()].some((c) => c.ouder === key)) {
      add(
        'warning',
        `gegevenscategorieen (${key})`,
        'geen regel gaat over deze categorie: alles eraan wordt geweigerd',
      );
    }
  }
  for (const f of checkDescriptions(covenant)) add('warning', f.field, f.message);
  return findings;
}
