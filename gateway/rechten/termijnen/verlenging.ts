import { einde } from './bereken-termijnen.js';
import type { Datum } from './kalender.js';
import { type Regime, type VerzoekSoort, termijnen } from './regimes.js';

export type VerlengingWeigering =
  | { code: 'reden-ontbreekt' }
  | { code: 'te-lang'; maximum: number }
  | { code: 'te-laat'; uiterlijk: Datum }
  | { code: 'al-verlengd' }
  | { code: 'niet-verlengbaar' };

export interface VerlengingInput {
  ontvangen: Datum;
  soort: VerzoekSoort;
  regimes: readonly Regime[];
  /** The Amsterdam date the extension is decided (and the person told). */
  op: Datum;
  maanden: number;
  reden: string;
  alVerlengd: boolean;
}

/**
 * Whether an extension may be granted (AVG art. 12 lid 3): with reasons, at most the rule's months, once,
 * and within the first term, because the person must be told of it within one month of receipt. Null when
 * it may; otherwise why not.
 */
export function weigeringVanVerlenging(v: VerlengingInput): VerlengingWeigering | null {
  if (v.reden.trim().length === 0) return { code: 'reden-ontbreekt' };
  if (v.alVerlengd) return { code: 'al-verlengd' };
  const gekozen: Regime[] = v.regimes.length > 0 ? [...v.regimes] : ['AVG'];
  const verlengbaar = gekozen.map((r) => termijnen[r][v.soort]).filter((r) => r.verlenging);
  if (verlengbaar.length === 0) return { code: 'niet-verlengbaar' };
  const maximum = Math.min(...verlengbaar.map((r) => r.verlenging!.maanden));
  if (!Number.isInteger(v.maanden) || v.maanden < 1 || v.maanden > maximum) return { code: 'te-lang', maximum };
  const eersteTermijn = einde(verlengbaar[0]!, v.ontvangen);
  if (v.op > eersteTermijn) return { code: 'te-laat', uiterlijk: eersteTermijn };
  return null;
}
