/** The wall clock in the Netherlands, whatever time zone the server runs in. */
const amsterdam = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Amsterdam',
  weekday: 'short',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

/**
 * Day of the week (0 = Sunday) and time of day in Europe/Amsterdam at the instant `d`. Intl applies
 * the IANA rules, so summer time (last Sunday of March 02:00 → 03:00, last Sunday of October
 * 03:00 → 02:00) needs no arithmetic here; in the repeated October hour both instants read 02:xx.
 */
export function amsterdamWallClock(d: Date): { weekday: number; hour: number; minute: number } {
  const parts = Object.fromEntries(amsterdam.formatToParts(d).map((p) => [p.type, p.value]));
  return { weekday: WEEKDAYS.indexOf(parts.weekday!), hour: Number(parts.hour), minute: Number(parts.minute) };
}

/** Monday to Friday, 07:00 up to 19:00 Amsterdam time: when partners normally work. */
export function isOfficeHours(d: Date): boolean {
  const { weekday, hour } = amsterdamWallClock(d);
  return weekday >= 1 && weekday <= 5 && hour >= 7 && hour < 19;
}
