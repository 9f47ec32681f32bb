const dateTime = new Intl.DateTimeFormat('nl-NL', {
  timeZone: 'Europe/Amsterdam',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
});
const date = new Intl.DateTimeFormat('nl-NL', { timeZone: 'Europe/Amsterdam', dateStyle: 'long' });
const number = new Intl.NumberFormat('nl-NL');

/** A moment as Dutch readers expect it, in Amsterdam time: "3 december 2026 om 11:15". */
export const datumTijd = (value: string | Date) => dateTime.format(new Date(value));
export const datum = (value: string | Date) => date.format(new Date(value));
/** A number with Dutch grouping: 1.234.567. */
export const getal = (n: number) => number.format(n);
