/**
 * Calendar dates as `YYYY-MM-DD` strings. Legal terms count in whole days of the Dutch calendar, so a
 * date carries no time and no zone; arithmetic runs on UTC midnights, where no day is 23 or 25 hours.
 */
export type Datum = string;

const DAY_MS = 86_400_000;
const DATUM = /^(\d{4})-(\d{2})-(\d{2})$/;

function parts(datum: Datum): [number, number, number] {
  const m = DATUM.exec(datum);
  if (!m) throw new RangeError(`geen datum (JJJJ-MM-DD): ${datum}`);
  return [Number(m[1]), Number(m[2]), Number(m[3])];
}

/** The date of a UTC midnight. */
function datumOf(ms: number): Datum {
  return new Date(ms).toISOString().slice(0, 10);
}

/** The UTC midnight of a date (for arithmetic and day-of-week only). */
export function utcMiddernacht(datum: Datum): number {
  const [y, m, d] = parts(datum);
  return Date.UTC(y, m - 1, d);
}

export function datum(jaar: number, maand: number, dag: number): Datum {
  return datumOf(Date.UTC(jaar, maand - 1, dag));
}

export function plusDagen(d: Datum, dagen: number): Datum {
  return datumOf(utcMiddernacht(d) + dagen * DAY_MS);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekdag(d: Datum): number {
  return new Date(utcMiddernacht(d)).getUTCDay();
}

function dagenInMaand(jaar: number, maand: number): number {
  return new Date(Date.UTC(jaar, maand, 0)).getUTCDate();
}

/**
 * A period of months per Regulation (EEC, Euratom) No 1182/71 art. 3(2)(c): it ends on the day of the
 * last month with the same number as the starting day, or on that month's last day when it has none
 * (31 January + 1 month = 28 or 29 February).
 */
export function plusMaanden(d: Datum, maanden: number): Datum {
  const [y, m, day] = parts(d);
  const index = y * 12 + (m - 1) + maanden;
  const jaar = Math.floor(index / 12);
  const maand = (index % 12) + 1;
  return datum(jaar, maand, Math.min(day, dagenInMaand(jaar, maand)));
}

export function plusWeken(d: Datum, weken: number): Datum {
  return plusDagen(d, weken * 7);
}

/** The calendar date in Amsterdam at an instant: 23:30 UTC on 31 January is 1 February there. */
export function amsterdamDatum(instant: Date): Datum {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/Amsterdam',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(instant);
}

/** Days between two dates (positive when `tot` is later). */
export function dagenTussen(van: Datum, tot: Datum): number {
  return Math.round((utcMiddernacht(tot) - utcMiddernacht(van)) / DAY_MS);
}
