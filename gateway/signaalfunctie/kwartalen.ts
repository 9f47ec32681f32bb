import { DomainError } from '../errors/domain-error.js';

export interface Kwartaal {
  /** e.g. 2026-K1 */
  naam: string;
  van: Date;
  /** Exclusive: the first day of the next quarter. */
  tot: Date;
}

const MAX_KWARTALEN = 12;

const isoDay = (d: Date) => d.toISOString().slice(0, 10);

/**
 * The calendar quarters from `van` (a quarter's first day) to `tot` (a quarter's last day). Figures are
 * published per quarter only, never summed over a chosen range: two overlapping queries then show the
 * same quarter tables, so subtracting one answer from another reveals nothing that is not published.
 */
export function kwartalen(van: string, tot: string): Kwartaal[] {
  const start = new Date(`${van}T00:00:00Z`);
  const end = new Date(`${tot}T00:00:00Z`);
  end.setUTCDate(end.getUTCDate() + 1);
  const bad = (name: string, reason: string) =>
    new DomainError('invalid-request', 'De periode sluit niet aan op kwartalen', { invalidParams: [{ name, reason }] });
  if (Number.isNaN(start.getTime()) || start.getUTCDate() !== 1 || start.getUTCMonth() % 3 !== 0)
    throw bad('van', 'de eerste dag van een kwartaal (1 januari, 1 april, 1 juli of 1 oktober)');
  if (Number.isNaN(end.getTime()) || end.getUTCDate() !== 1 || end.getUTCMonth() % 3 !== 0 || end <= start)
    throw bad('tot', 'de laatste dag van een kwartaal, niet voor van');
  const result: Kwartaal[] = [];
  for (let d = start; d < end;) {
    const next = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 3, 1));
    result.push({ naam: `${d.getUTCFullYear()}-K${d.getUTCMonth() / 3 + 1}`, van: d, tot: next });
    d = next;
  }
  if (result.length > MAX_KWARTALEN) throw bad('tot', `ten hoogste ${MAX_KWARTALEN} kwartalen`);
  return result;
}

export { isoDay };
