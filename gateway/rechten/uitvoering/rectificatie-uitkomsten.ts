import type { UseCaseDeps } from '../../use-case-deps.js';

/** Where one rectification of a request stands: ids and codes only (the values stay sealed). */
export interface RectificatieUitkomst {
  id: string;
  item: string;
  bronPartner: string;
  status: 'open' | 'aanvaard' | 'afgewezen';
  aangemaaktOp: string;
  afgehandeldOp?: string;
}

/** The outcome of every rectification a request asked for, for the request's own record and answer. */
export async function rectificatieUitkomsten(
  deps: Pick<UseCaseDeps, 'store'>,
  verzoekId: string,
): Promise<RectificatieUitkomst[]> {
  return (await deps.store.rectificaties.ofVerzoek(verzoekId)).map((r) => ({
    id: r.id,
    item: r.itemId,
    bronPartner: r.bronPartnerId,
    status: r.status as RectificatieUitkomst['status'],
    aangemaaktOp: r.aangemaaktOp.toISOString(),
    ...(r.afgehandeldOp ? { afgehandeldOp: r.afgehandeldOp.toISOString() } : {}),
  }));
}
