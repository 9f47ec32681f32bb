import type { CompiledCovenant } from '../covenant/compile-covenant.js';
import type { PartnerSelector } from '../covenant/covenant-schema.js';
import type { PartnerSoort } from '../taxonomy/partner-soorten.js';

/**
 * How covenant prose names each kind of partner. Whole words only: "Politiegegevens" is data, not the
 * police; "ZVH-samenwerking" is a purpose, so the ZVH counts as named only through its procesregisseur.
 */
const namedAs: Partial<Record<PartnerSoort, RegExp>> = {
  zvh: /\bprocesregisseurs?\b/i,
  gemeente: /\bgemeenten?\b/i,
  politie: /\bpolitie\b/i,
  om: /\bOM\b|\bopenbaar ministerie\b/i,
  reclassering: /\breclassering\b/i,
  rvdk: /\bRaad\b/,
  dji: /\bDJI\b|\bpenitentiaire\b/i,
  'veilig-thuis': /\bveilig thuis\b/i,
  jeugdbescherming: /\bjeugdbescherming\b|\bgecertificeerde instelling\b/i,
  ggz: /\bGGZ\b/,
  verslavingszorg: /\bverslavingszorg\b/i,
  woningcorporatie: /\bwoningcorporaties?\b/i,
};

/** Words that say a category holds what must be encrypted at rest although it is no AVG special category. */
const sensitiveWords = /huiselijk geweld|kindermishandeling|jeugdbescherming|raadsonderzoek|diagnose|delict/i;

export interface DescriptionFinding {
  field: string;
  message: string;
}

const soortOf = (s: PartnerSelector): string | undefined => (s !== '*' && 'soort' in s ? s.soort : undefined);

/**
 * Where a rule's or category's human text says something its code does not do. A privacy officer reads
 * the text, the engine runs the code: a rule described as "OM, reclassering en DJI leveren …" that lets
 * only the OM supply misleads everyone who signs it. Only what can be told from the text is flagged:
 * partner kinds named in a rule that selects one other kind, and categories whose description speaks of
 * sensitive matters but that are neither special nor marked `gevoelig`.
 */
export function checkDescriptions(covenant: CompiledCovenant): DescriptionFinding[] {
  const findings: DescriptionFinding[] = [];
  covenant.rules.forEach((rule, i) => {
    const selected = soortOf(rule.actie === 'aanleveren' ? rule.leverancier : rule.ontvanger);
    if (!selected) return;
    const alsoAllowed = new Set([selected, soortOf(rule.leverancier)]);
    const named = Object.entries(namedAs)
      .filter(([soort, pattern]) => !alsoAllowed.has(soort) && pattern.test(rule.source.omschrijving))
      .map(([soort]) => soort);
    if (named.length === 0) return;
    const role = rule.actie === 'aanleveren' ? 'leverancier' : 'ontvanger';
    findings.push({
      field: `regels[${i}] (${rule.id})`,
      message: `de omschrijving noemt ${named.join(', ')}, maar de regel geldt alleen voor ${role} soort ${selected}`,
    });
  });
  for (const [key, cat] of covenant.categories) {
    if (!cat.gevoelig && sensitiveWords.test(cat.omschrijving)) {
      findings.push({
        field: `gegevenscategorieen (${key})`,
        message: 'de omschrijving gaat over gevoelige gegevens, maar de categorie is niet bijzonder of gevoelig',
      });
    }
  }
  return findings;
}
