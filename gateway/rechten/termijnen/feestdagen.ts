import { type Datum, datum, plusDagen, weekdag } from './kalender.js';

/** Easter Sunday of a Gregorian year (the anonymous Gregorian computus, Meeus/Jones/Butcher). */
export function paaszondag(jaar: number): Datum {
  const a = jaar % 19;
  const b = Math.floor(jaar / 100);
  const c = jaar % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const maand = Math.floor((h + l - 7 * m + 114) / 31);
  const dag = ((h + l - 7 * m + 114) % 31) + 1;
  return datum(jaar, maand, dag);
}

/**
 * Koningsdag: 27 April, or 26 April when the 27th is a Sunday (the King's birthday is then celebrated
 * the day before).
 */
export function koningsdag(jaar: number): Datum {
  const d = datum(jaar, 4, 27);
  return weekdag(d) === 0 ? datum(jaar, 4, 26) : d;
}

/**
 * The "algemeen erkende feestdagen" of Algemene termijnenwet art. 3 lid 1 (Nieuwjaarsdag, tweede Paas- en
 * Pinksterdag, beide Kerstdagen, Hemelvaartsdag, the day the King's birthday is celebrated, 5 mei) and
 * Goede Vrijdag, "gelijkgesteld" by art. 3 lid 2. Days a royal decree equates under art. 3 lid 3 (announced
 * in the Staatscourant every few years) are not in this list: pass them as `extra` where needed.
 */
export function feestdagen(jaar: number): ReadonlyMap<Datum, string> {
  const pasen = paaszondag(jaar);
  return new Map([
    [datum(jaar, 1, 1), 'Nieuwjaarsdag'],
    [plusDagen(pasen, -2), 'Goede Vrijdag'],
    [plusDagen(pasen, 1), 'Tweede Paasdag'],
    [koningsdag(jaar), 'Koningsdag'],
    [datum(jaar, 5, 5), 'Bevrijdingsdag'],
    [plusDagen(pasen, 39), 'Hemelvaartsdag'],
    [plusDagen(pasen, 50), 'Tweede Pinksterdag'],
    [datum(jaar, 12, 25), 'Eerste Kerstdag'],
    [datum(jaar, 12, 26), 'Tweede Kerstdag'],
  ]);
}

export function isFeestdag(d: Datum, extra: ReadonlySet<Datum> = new Set()): boolean {
  return extra.has(d) || feestdagen(Number(d.slice(0, 4))).has(d);
}

/** Not a Saturday, Sunday or recognised public holiday. */
export function isWerkdag(d: Datum, extra?: ReadonlySet<Datum>): boolean {
  const w = weekdag(d);
  return w !== 0 && w !== 6 && !isFeestdag(d, extra);
}

/**
 * A term ending on a Saturday, Sunday or public holiday ends on the next working day: Algemene
 * termijnenwet art. 1 lid 1 for Dutch statutory terms, Regulation 1182/71 art. 3(4) for the AVG's.
 */
export function eersteWerkdagVanaf(d: Datum, extra?: ReadonlySet<Datum>): Datum {
  let current = d;
  while (!isWerkdag(current, extra)) current = plusDagen(current, 1);
  return current;
}
