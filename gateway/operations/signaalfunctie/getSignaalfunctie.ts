import { signaalCsv, signaalTabellen } from '../../signaalfunctie/signaal-tabellen.js';
import type { Operation } from '../operation.js';
import { beleidsmedewerker } from '../roles.js';

/** Aggregates for policy staff: JSON, or CSV when the caller prefers `text/csv`. */
export const getSignaalfunctie: Operation<'getSignaalfunctie'> = {
  roles: beleidsmedewerker,
  async handle({ query, raw }, { useCases, reviewStore, signaalK }) {
    const { van, tot, gemeente, indeling } = query;
    const vraag = { van, tot, gemeente, indeling };
    const kwartalen = await signaalTabellen({ store: reviewStore, clock: useCases.clock }, vraag, signaalK);
    if (raw.accepts(['application/json', 'text/csv']) === 'text/csv')
      return {
        status: 200,
        filename: `signaalfunctie-${indeling}-${van}-${tot}.csv`,
        attachment: { type: 'text/csv; charset=utf-8', text: signaalCsv(kwartalen, indeling) },
      };
    return { status: 200, body: { indeling, k: signaalK, kwartalen } };
  },
};
