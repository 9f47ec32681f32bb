import { normaliseDutchName, sameTussenvoegsel } from './dutch-name.js';

/** What linking compares of a person: as supplied, before normalisation. */
export interface MatchablePerson {
  voornamen?: string;
  tussenvoegsel?: string;
  achternaam: string;
  geboortedatum?: string;
  postcode?: string;
}

export interface CandidateScore {
  /** 0..1: how likely the two records are one person. */
  score: number;
  /** Which parts agreed, for the regisseur who decides: never the values themselves. */
  overeenkomsten: (
    'achternaam' | 'achternaam-bijna' | 'voorletter' | 'geboortedatum' | 'geboortedatum-bijna' | 'postcode'
  )[];
}

/** A proposal is made from this score up; nothing is ever merged without a regisseur's decision. */
export const PROPOSAL_THRESHOLD = 0.6;

const weights = {
  achternaam: 0.45,
  'achternaam-bijna': 0.3,
  voorletter: 0.1,
  geboortedatum: 0.35,
  'geboortedatum-bijna': 0.15,
  postcode: 0.1,
} as const;

/** Levenshtein distance, stopping early: only "equal, one edit apart, or further" matters here. */
function withinOneEdit(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  const restA = a.slice(i + (a.length >= b.length ? 1 : 0));
  const restB = b.slice(i + (b.length >= a.length ? 1 : 0));
  return restA === restB;
}

/** A typed date one keystroke off, or day and month swapped (a common US/NL mix-up). */
function nearlySameDate(a: string, b: string): boolean {
  const [ya, ma, da] = a.split('-');
  const [yb, mb, db] = b.split('-');
  if (ya === yb && ma === db && da === mb) return true;
  let differing = 0;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) differing++;
  return a.length === b.length && differing === 1;
}

const postcode = (p?: string) => p?.replace(/\s/g, '').toUpperCase();
const initial = (v?: string) => v?.trim().normalize('NFD').charAt(0).toLowerCase();

/**
 * Scores two records for linking. The surname (after the Dutch rules of `normaliseDutchName`) carries
 * most weight, then the birth date, then first initial and postcode. Without a birth date on either side
 * the score cannot reach the threshold on name alone: surname + initial + postcode (0.65) is the least that
 * makes a proposal, so a common surname alone never links two people.
 */
export function scoreCandidate(a: MatchablePerson, b: MatchablePerson): CandidateScore {
  const na = normaliseDutchName(a.achternaam, a.tussenvoegsel);
  const nb = normaliseDutchName(b.achternaam, b.tussenvoegsel);
  const found: CandidateScore['overeenkomsten'] = [];
  if (na.achternaam === nb.achternaam && sameTussenvoegsel(na.tussenvoegsel, nb.tussenvoegsel))
    found.push('achternaam');
  else if (withinOneEdit(na.achternaam, nb.achternaam) && na.achternaam.length >= 4) found.push('achternaam-bijna');
  if (initial(a.voornamen) && initial(a.voornamen) === initial(b.voornamen)) found.push('voorletter');
  if (a.geboortedatum && b.geboortedatum) {
    if (a.geboortedatum === b.geboortedatum) found.push('geboortedatum');
    else if (nearlySameDate(a.geboortedatum, b.geboortedatum)) found.push('geboortedatum-bijna');
  }
  if (postcode(a.postcode) && postcode(a.postcode) === postcode(b.postcode)) found.push('postcode');
  const score = found.reduce((sum, k) => sum + weights[k], 0);
  return { score: Math.round(score * 100) / 100, overeenkomsten: found };
}
