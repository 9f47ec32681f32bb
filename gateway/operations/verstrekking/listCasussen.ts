import { contractUrl } from '../../../openapi/contract-url.js';
import { listCasussen as list } from '../../cases/list-casussen.js';
import { callerOf } from '../../http/caller-of.js';
import type { Operation } from '../operation.js';

/** The casussen the caller takes part in, one page, with HAL links and the NL API pagination headers. */
export const listCasussen: Operation<'listCasussen'> = {
  async handle({ query, caller }, { useCases, contract }) {
    const page = query?.page ?? 1;
    const pageSize = query?.pageSize ?? 20;
    const found = await list(useCases, callerOf(caller), { ...query, page, pageSize });
    const filters = Object.entries(query ?? {}).filter(
      (e): e is [string, string | number] => e[1] !== undefined && e[0] !== 'page',
    );
    const href = (p: number) => {
      const params = new URLSearchParams(filters.map(([k, v]): [string, string] => [k, String(v)]));
      params.set('page', String(p));
      return { href: `${contractUrl(contract, 'listCasussen')}?${params.toString()}` };
    };
    return {
      status: 200,
      headers: {
        'X-Total-Count': String(found.total),
        'X-Pagination-Count': String(found.pages),
        'X-Pagination-Page': String(page),
        'X-Pagination-Limit': String(pageSize),
      },
      body: {
        _links: {
          self: href(page),
          first: href(1),
          ...(page > 1 ? { prev: href(Math.min(page - 1, found.pages)) } : {}),
          ...(page < found.pages ? { next: href(page + 1) } : {}),
          last: href(found.pages),
        },
        _embedded: { casussen: found.casussen },
      },
    };
  },
};
