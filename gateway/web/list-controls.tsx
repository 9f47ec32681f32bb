import type { Request } from 'express';
import { getal } from './format.js';

export interface ListView<K extends string> {
  pagina: number;
  sort: K;
  richting: 'op' | 'af';
}

/** Page, sort column and direction from the query, each limited to what the list knows. */
export function listViewOf<K extends string>(req: Request, keys: readonly K[], standaard: ListView<K>): ListView<K> {
  const q = (name: string) => (typeof req.query[name] === 'string' ? String(req.query[name]) : '');
  const pagina = Math.max(1, Math.min(10_000, Number.parseInt(q('pagina'), 10) || 1));
  const sort = (keys as readonly string[]).includes(q('sort')) ? (q('sort') as K) : standaard.sort;
  const richting =
    q('richting') === 'op' || q('richting') === 'af' ? (q('richting') as 'op' | 'af') : standaard.richting;
  return { pagina, sort, richting };
}

/** Sorts and cuts one page out of a list that is already in memory (the repositories cap such lists). */
export function pageOf<T, K extends string>(
  items: readonly T[],
  view: ListView<K>,
  key: Record<K, (item: T) => string | number>,
  perPage: number,
) {
  const by = key[view.sort];
  const sorted = [...items].sort((a, b) => {
    const x = by(a);
    const y = by(b);
    const c = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y), 'nl');
    return view.richting === 'op' ? c : -c;
  });
  const pages = Math.max(1, Math.ceil(sorted.length / perPage));
  const pagina = Math.min(view.pagina, pages);
  return { items: sorted.slice((pagina - 1) * perPage, pagina * perPage), pages, pagina, total: sorted.length };
}

const href = (base: string, view: ListView<string>, extra: Record<string, string> = {}) =>
  `${base}${base.includes('?') ? '&' : '?'}${new URLSearchParams({ sort: view.sort, richting: view.richting, pagina: String(view.pagina), ...extra }).toString()}`;

/** A column header that sorts by it: a link (works without script) with the current order for screen readers. */
export function SortHeader<K extends string>(props: { base: string; view: ListView<K>; kolom: K; label: string }) {
  const active = props.view.sort === props.kolom;
  const next = active && props.view.richting === 'op' ? 'af' : 'op';
  return (
    <th
      class="utrecht-table__header-cell"
      scope="col"
      aria-sort={active ? (props.view.richting === 'op' ? 'ascending' : 'descending') : undefined}
    >
      <a class="utrecht-link" href={href(props.base, { sort: props.kolom, richting: next, pagina: 1 })}>
        {props.label}
        {active ? (props.view.richting === 'op' ? ' (oplopend)' : ' (aflopend)') : ''}
      </a>
    </th>
  );
}

/** Previous/next links that keep the sort order. */
export function Pagination(props: { base: string; view: ListView<string>; pagina: number; pages: number }) {
  if (props.pages <= 1) return null;
  const to = (p: number) => href(props.base, { ...props.view, pagina: p });
  return (
    <nav aria-label="Paginering" class="kp-pagination">
      {props.pagina > 1 && (
        <a class="utrecht-link" href={to(props.pagina - 1)}>
          Vorige pagina
        </a>
      )}
      <span>{`Pagina ${getal(props.pagina)} van ${getal(props.pages)}`}</span>
      {props.pagina < props.pages && (
        <a class="utrecht-link" href={to(props.pagina + 1)}>
          Volgende pagina
        </a>
      )}
    </nav>
  );
}
