const datum = new Intl.DateTimeFormat('nl-NL', { timeZone: 'Europe/Amsterdam', dateStyle: 'long' });
const datumTijd = new Intl.DateTimeFormat('nl-NL', {
  timeZone: 'Europe/Amsterdam',
  dateStyle: 'long',
  timeStyle: 'short',
});

/** "3 december 2026", as the person's own clock shows it (Europe/Amsterdam). */
export const nlDatum = (iso: string): string => datum.format(new Date(iso));

/** "3 december 2026 om 11:09". */
export const nlDatumTijd = (iso: string): string => datumTijd.format(new Date(iso));

/** An ISO 8601 period (P5Y, P18M, P30D) in words. */
export function nlDuur(duur: string): string {
  const m = /^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)D)?$/.exec(duur);
  if (!m) return duur;
  const delen = [
    [m[1], 'jaar', 'jaar'],
    [m[2], 'maand', 'maanden'],
    [m[3], 'dag', 'dagen'],
  ] as const;
  return delen
    .filter(([n]) => n)
    .map(([n, een, meer]) => `${n} ${n === '1' ? een : meer}`)
    .join(' en ');
}
