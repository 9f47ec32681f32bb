import type { Caller, UseCaseDeps } from '../use-case-deps.js';

export interface CasusQuery {
  status?: string;
  /** The pseudonymous id of the procesregisseur who took the triage decision. */
  regisseur?: string;
  partner?: string;
  sinds?: string;
  page: number;
  pageSize: number;
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/**
 * The casussen the caller takes part in — need-to-know holds for lists too: a partner sees only casussen
 * it participates in; the ZVH takes part in every casus, so its regisseurs see all. Only what says nothing
 * about the persons: ids, kind, status, phase, municipality and dates (no reason, leefgebieden or names).
 * Paginated (page numbers, newest first); `pages` tells how many there are.
 */
export async function listCasussen(deps: Pick<UseCaseDeps, 'store'>, caller: Caller, q: CasusQuery) {
  const zvh = q.regisseur ? await deps.store.partners.activeIdsOfSoort('zvh') : [];
  const { rows, total } = await deps.store.casussen.list(
    {
      deelnemer: caller.partner.id,
      status: q.status,
      partner: q.partner,
      besluitDoor: q.regisseur ? zvh.map((id) => `${id}/${q.regisseur}`) : undefined,
      sinds: q.sinds ? new Date(q.sinds) : undefined,
    },
    (q.page - 1) * q.pageSize,
    q.pageSize,
  );
  return {
    casussen: rows.map((c) => ({
      id: c.id,
      soort: c.soort,
      status: c.status,
      fase: c.fase,
      gemeente: c.gemeente,
      aangemaaktOp: c.aangemaaktOp.toISOString(),
      gewijzigdOp: c.gewijzigdOp.toISOString(),
      afgeslotenOp: iso(c.afgeslotenOp),
    })),
    total,
    pages: Math.max(1, Math.ceil(total / q.pageSize)),
  };
}
