import type { CompiledCovenant } from '../covenant/compile-covenant.js';
import type { PartnerRef } from './decision.js';
import { selects } from './decide.js';

/** Whether a partner may use a purpose at all, before any category is looked at. */
export type PurposeVerdict =
  | { toegestaan: true; regels: string[] }
  | { toegestaan: false; reden: 'onbekend-doel' | 'doel-verboden' | 'doel-niet-toegestaan'; regel?: string };

/**
 * May `partner` receive (`verstrekken`) or supply (`aanleveren`) anything for `doel`? True when at least
 * one permit rule naming the partner (or its kind, or anyone) allows the purpose and does not prohibit it.
 * Otherwise the purpose is closed to the partner as a whole, and the rule that closes it is named where one
 * does (a permit rule that lists it under verbodenDoelen, or a deny rule for it); with no such rule the
 * covenant simply never opened it. A refused purpose is a 403, not an answer with every category refused:
 * the latter told a caller the shape of a casus for a purpose it had no business asking about.
 */
export function purposeVerdict(
  covenant: CompiledCovenant,
  actie: 'aanleveren' | 'verstrekken',
  partner: PartnerRef,
  doel: string,
): PurposeVerdict {
  if (!covenant.purposes.has(doel)) return { toegestaan: false, reden: 'onbekend-doel' };
  const own = covenant.rules.filter(
    (r) => r.actie === actie && selects(actie === 'verstrekken' ? r.ontvanger : r.leverancier, partner),
  );
  const opening = own.filter((r) => r.effect === 'permit' && r.allows.has(doel) && !r.blocks.has(doel));
  const closingForAll = own.find(
    (r) => r.effect === 'deny' && (r.denyForAll || r.blocks.has(doel)) && isEveryCategory(covenant, r.covers),
  );
  if (opening.length > 0 && !closingForAll) return { toegestaan: true, regels: opening.map((r) => r.id) };
  // An explicit prohibition (a deny rule for this purpose) is the rule to name, before a permit rule
  // that merely lists the purpose among its verbodenDoelen.
  const closing =
    closingForAll ?? own.find((r) => r.effect === 'deny' && r.blocks.has(doel)) ?? own.find((r) => r.blocks.has(doel));
  return closing
    ? { toegestaan: false, reden: 'doel-verboden', regel: closing.id }
    : { toegestaan: false, reden: 'doel-niet-toegestaan' };
}

function isEveryCategory(covenant: CompiledCovenant, covers: ReadonlySet<string>): boolean {
  return [...covenant.categories.keys()].every((k) => covers.has(k));
}
