import { toegestaan, type Status } from './levensloop.js';
import { refuse } from './verplaats-casus.js';

/**
 * The steps a triage decision takes the casus through: from aangemeld or heropend via triage to the
 * outcome; from triage or an earlier outcome straight to the (revised) outcome; none when a new version
 * keeps the outcome. Past triage (an overleg has been held) a decision is refused, naming what is allowed.
 */
export function triageStappen(van: Status, uitkomst: Status, codeRood: boolean): Status[] {
  if (van === uitkomst) return [];
  const via: Status[] = van === 'aangemeld' || van === 'heropend' ? ['triage'] : [];
  const vanaf = via.length ? 'triage' : van;
  if (!toegestaan(vanaf, codeRood).includes(uitkomst)) throw refuse(van, uitkomst, toegestaan(van, codeRood));
  return [...via, uitkomst];
}
