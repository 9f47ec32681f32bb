import { normaliseDutchName } from './dutch-name.js';
import type { MatchablePerson } from './score-candidate.js';

const initial = (v?: string) =>
  v
    ?.trim()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .charAt(0)
    .toLowerCase() || undefined;
const postcode = (p?: string) => p?.replace(/\s/g, '').toUpperCase() || undefined;

/**
 * The blocking keys of a person, before keying: records that share one are compared with
 * `scoreCandidate`. Each key is a combination that makes a proposal possible, so no pair that could reach
 * the threshold is missed for want of a key, while a common surname alone never groups records:
 * - folded surname + birth date (the usual match; tussenvoegsel, spelling and case variants meet),
 * - folded surname + first initial + postcode (no birth date known),
 * - folded surname + birth year (a birth date one keystroke off, or day and month swapped),
 * - birth date + first initial (a surname one letter off).
 * Callers store only `DataProtection.matchKey` of these (HMAC), never the values.
 */
export function blockingKeys(p: MatchablePerson): string[] {
  const surname = normaliseDutchName(p.achternaam, p.tussenvoegsel).achternaam;
  const i = initial(p.voornamen);
  const pc = postcode(p.postcode);
  const keys: string[] = [];
  if (p.geboortedatum) {
    keys.push(`naam-geboortedatum|${surname}|${p.geboortedatum}`);
    keys.push(`naam-geboortejaar|${surname}|${p.geboortedatum.slice(0, 4)}`);
    if (i) keys.push(`geboortedatum-voorletter|${p.geboortedatum}|${i}`);
  }
  if (i && pc) keys.push(`naam-voorletter-postcode|${surname}|${i}|${pc}`);
  return keys;
}
