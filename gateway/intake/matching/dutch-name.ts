/**
 * Dutch surname normalisation for linking records without a BSN. Partners write the same name in many
 * ways; these rules make the common variants meet, and nothing more (each rule has a test):
 *
 * 1. Case and diacritics do not count: "Çelik" = "celik", "Kuijpérs" = "kuijpers".
 * 2. The tussenvoegsel is split off wherever it was written: "van den Bosch", "Bosch, van den",
 *    "Bosch van den", "v.d. Bosch", "vd Bosch" and tussenvoegsel "V.D." with achternaam "Bosch" all give
 *    surname "bosch" and tussenvoegsel "van den". Abbreviations are expanded (v. → van, d. → de/den/der
 *    by what follows is unknowable, so "v.d." counts as "van den", and "van der" and "van de" as well:
 *    the tussenvoegsel is compared loosely, see `sameTussenvoegsel`).
 * 3. Spelling variants that Dutch registrations mix up are folded: ij/y/ÿ → y, then ei/ey → y, ph → f, ck → k,
 *    c before a, o, u or a consonant → k, a final dt or d → t, z at the start → s, doubled letters → one.
 *    So Kuijpers = Kuypers, Meijer = Meyer = Meier, Smidt = Smit, Cornelissen = Kornelisen, Zwart = Swart.
 * 4. Anything but letters is dropped: "Jansen-de Vries" = "Jansen de Vries" = "jansendevries" once the
 *    inner tussenvoegsel is kept as part of a double surname (only a leading or trailing one is split off).
 */
const tussenvoegselWords = new Set([
  'van',
  'de',
  'den',
  'der',
  'het',
  't',
  'ter',
  'ten',
  'te',
  'in',
  'op',
  'onder',
  'over',
  'uit',
  'uijt',
  'aan',
  'bij',
  'tot',
  'voor',
  'la',
  'le',
  'du',
  'da',
  'di',
  'dos',
  'del',
  'della',
  'el',
  'l',
  'd',
  'vd',
  'v',
  'vander',
]);

const abbreviations: Record<string, string> = { v: 'van', vd: 'van den', 'v.d': 'van den', d: 'de', t: 'het' };

const plain = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();

/** Words of a name, with the apostrophe and dot forms of prefixes kept recognisable ("'t", "v.d."). */
function words(s: string): string[] {
  return plain(s)
    .replace(/[’`]/g, "'")
    .split(/[\s,]+/)
    .map((w) => w.replace(/^'/, '').replace(/\.$/, ''))
    .filter((w) => w.length > 0);
}

const isPrefix = (w: string) => tussenvoegselWords.has(w) || w === 'v.d';

/** Folds the spelling variants of rule 3 on a run of letters. */
export function foldSpelling(letters: string): string {
  return letters
    .replace(/ij|ÿ/g, 'y')
    .replace(/e[iy]/g, 'y')
    .replace(/ph/g, 'f')
    .replace(/ck/g, 'k')
    .replace(/c(?=[aoukqrlmnt]|$)/g, 'k')
    .replace(/dt$|d$/, 't')
    .replace(/^z/, 's')
    .replace(/(.)\1+/g, '$1');
}

export interface NormalisedName {
  /** The folded surname, letters only: what records are matched on. */
  achternaam: string;
  /** The tussenvoegsel, expanded and lower case ("van den"), or "" when none. */
  tussenvoegsel: string;
}

/** Splits and normalises a surname as partners write it (rules 1–4). */
export function normaliseDutchName(achternaam: string, tussenvoegsel = ''): NormalisedName {
  // "Bosch, van den": a comma says exactly where the surname ends, even when the surname is itself a
  // word that can be a prefix ("Da, de").
  const comma = achternaam.indexOf(',');
  const ws = words(comma >= 0 ? achternaam.slice(0, comma) : achternaam);
  const prefix: string[] = words(tussenvoegsel);
  if (comma >= 0) prefix.push(...words(achternaam.slice(comma + 1)));
  // Leading prefixes ("van den Bosch") and trailing ones ("Bosch, van den" / "Bosch van den").
  while (ws.length > 1 && isPrefix(ws[0]!)) prefix.push(ws.shift()!);
  const trailing: string[] = [];
  while (ws.length > 1 && isPrefix(ws[ws.length - 1]!)) trailing.unshift(ws.pop()!);
  prefix.push(...trailing);
  const expanded = prefix.flatMap((w) => (abbreviations[w] ?? w).split(' '));
  return {
    achternaam: foldSpelling(ws.join('').replace(/[^a-z]/g, '')),
    tussenvoegsel: expanded.join(' '),
  };
}

/**
 * Tussenvoegsels compare loosely: an abbreviation ("v.d.") stands for several spellings, and partners
 * often leave the tussenvoegsel out entirely. Two are the same when one is empty, or both start with the
 * same word.
 */
export function sameTussenvoegsel(a: string, b: string): boolean {
  if (a === '' || b === '') return true;
  return a.split(' ')[0] === b.split(' ')[0];
}
