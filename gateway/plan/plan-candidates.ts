import type { UseCaseDeps } from '../use-case-deps.js';
import { casusSleutel } from '../cases/casus-sleutel.js';
import type { Gathered } from '../disclosure/pull-views.js';
import { interventieJson } from './interventies.js';

/**
 * The plan van aanpak as candidates for the covenant: each intervention is the ZVH's casus data
 * (category plan-van-aanpak, supplied by the ZVH), each progress report the reporting partner's
 * (category voortgang). Masking removes fields by name (e.g. a report's `toelichting`), not whole items.
 */
export async function planCandidates(
  deps: Pick<UseCaseDeps, 'store' | 'dp'>,
  casusId: string,
  zvhId: string,
  subjects: string[],
): Promise<Gathered> {
  const interventies = await deps.store.plan.interventiesOf(casusId);
  const key = await casusSleutel(deps.store, deps.dp, casusId);
  const candidates: Gathered['candidates'] = [];
  for (const i of interventies) {
    const fields = interventieJson(i) as Record<string, unknown>;
    candidates.push({
      bron: zvhId,
      categorieen: ['plan-van-aanpak'],
      subjects,
      velden: Object.fromEntries(Object.keys(fields).map((k) => [k, []])),
      render: (weg) => Object.fromEntries(Object.entries(fields).filter(([k]) => k === 'id' || !weg.has(k))),
    });
    for (const v of await deps.store.plan.voortgangOf(i.id)) {
      const report: Record<string, unknown> = {
        id: v.id,
        interventie: v.interventieId,
        partner: v.partnerId,
        status: v.status,
        op: v.op.toISOString(),
        toelichting: deps.dp.decrypt(key, v.toelichting, `voortgang:${v.id}`),
      };
      candidates.push({
        bron: v.partnerId,
        categorieen: ['voortgang'],
        subjects,
        velden: Object.fromEntries(Object.keys(report).map((k) => [k, []])),
        render: (weg, gemaskeerd) => ({
          ...Object.fromEntries(Object.entries(report).filter(([k]) => k === 'id' || !weg.has(k))),
          ...(gemaskeerd.length > 0 ? { gemaskeerd } : {}),
        }),
      });
    }
  }
  return {
    candidates,
    shape: (parts) => ({
      interventies: parts.filter((p) => p.categorie === 'plan-van-aanpak').map((p) => p.value),
      voortgang: parts.filter((p) => p.categorie === 'voortgang').map((p) => p.value),
    }),
  };
}
