import { leefgebieden } from '../../policies/taxonomy/leefgebieden.js';

/** A leefgebied as a reader says it: "huisvesting-en-wonen" → "Huisvesting en wonen". */
export function leefgebiedNaam(key: string): string {
  const words = key.replace(/-/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** The taxonomy's order (unknown keys last, alphabetically), so every page lists the domains alike. */
export function leefgebiedVolgorde(a: string, b: string): number {
  const rank = (k: string) => {
    const i = (leefgebieden as readonly string[]).indexOf(k);
    return i < 0 ? leefgebieden.length : i;
  };
  return rank(a) - rank(b) || a.localeCompare(b);
}
