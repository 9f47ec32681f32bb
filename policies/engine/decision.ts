import type { Fase } from '../taxonomy/fasen.js';

export interface PartnerRef {
  id: string;
  soort: string;
}

/**
 * One question to the covenant. `aanleveren`: may `partner` supply these categories into Knooppunt for
 * `doel`? `verstrekken`: may Knooppunt disclose these categories, supplied by `bron`, to `partner` for `doel`?
 */
export interface DecisionRequest {
  actie: 'aanleveren' | 'verstrekken';
  partner: PartnerRef;
  bron?: PartnerRef;
  categorieen: readonly string[];
  doel: string;
  fase?: Fase;
  /** Whether `partner` takes part in the casus (need-to-know). */
  deelnemer: boolean;
  codeRood?: boolean;
  /** A consent reference was recorded for this data (rules resting on consent need one). */
  toestemming?: boolean;
}

/** Why a category was refused (or what limited it), as a stable code; explain() words it. */
export type ReasonCode =
  | 'toegestaan'
  | 'alleen-aggregaat'
  | 'geen-regel'
  | 'verboden-door-regel'
  | 'doel-verboden'
  | 'doel-niet-toegestaan'
  | 'geen-grondslag-bijzonder'
  | 'geen-toestemming'
  | 'geen-deelnemer'
  | 'fase'
  | 'code-rood'
  | 'onbekende-categorie'
  | 'onbekend-doel';

export interface CategoryDecision {
  categorie: string;
  /** `aggregaat`: permitted for analysis, but never as row-level data. */
  effect: 'permit' | 'deny' | 'aggregaat';
  reason: ReasonCode;
  /** Permit rules that granted it (each one sufficient on its own). */
  matchedRules: string[];
  denyingRule?: string;
  /** The rule that came closest but failed a condition, for explanations. */
  nearestRule?: string;
  grondslag?: string;
  /** Fields to mask: those every granting rule masks (one unmasked grant is enough to see a field). */
  maskering: string[];
  bewaartermijn?: { duur: string; vanaf: 'afsluiting' | 'ontvangst' };
}

export interface Decision {
  result: 'permit' | 'deny' | 'gedeeltelijk';
  perCategory: CategoryDecision[];
  matchedRules: string[];
  denyingRule?: string;
  obligations: { maskering: Record<string, string[]>; alleenAggregaat: boolean };
  covenantVersion: string;
}
