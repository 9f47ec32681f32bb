import type { Repositories } from '../../adapters/store/repositories.js';
import type { CompiledCovenant } from '../../policies/covenant/compile-covenant.js';
import { DomainError } from '../errors/domain-error.js';
import { beperktBewaard } from './beperkt-bewaard.js';
import { verzoekBewaard } from './verzoek-bewaard.js';
import { bewaardTot, bewaartermijnVan } from './bewaartermijn-van.js';

export interface RetentionDeps {
  store: Pick<Repositories, 'informatie' | 'partners' | 'beperkingen' | 'betrokkenen' | 'rechtenverzoeken'>;
  policy: { covenant(): CompiledCovenant | undefined };
}

/** Counts only: a retention report never carries an id, a name or content. */
export interface RetentionReport {
  dryRun: boolean;
  /** Per category: items whose retention period has ended (and, unless a dry run, were deleted). */
  perCategorie: Record<string, number>;
  verwijderd: number;
  /** Items no covenant rule gives a retention period (kept; the covenant should name one). */
  zonderTermijn: number;
  /** Items whose period ended but that an open restriction of processing keeps (AVG art. 18). */
  beperkt: number;
  /** Items whose period ended but whose person has an open subject-rights request (kept until it is closed). */
  inVerzoek: number;
}

/** Deleted per statement: keeps each transaction and its parameter list small. */
const BATCH = 500;

/**
 * Enforces the covenant's `bewaartermijn` per category: an item whose period (from receipt, or from
 * the closing of its casus) has ended is deleted; `dryRun` only counts. Each item's period is that of
 * the rules under which its supplier could bring it in (`bewaartermijnVan`); a casus still open keeps
 * items counted from its closing; an open restriction of processing keeps what it covers
 * (`beperktBewaard`), and so does an open subject-rights request (`verzoekBewaard`). The disclosure log keeps its entries: it holds ids and keyed
 * references only. Meant to run as a scheduled job (the integrator registers it); also `knooppunt
 * retention run`.
 */
export async function runRetention(
  deps: RetentionDeps,
  opts: { dryRun: boolean; now: Date },
): Promise<RetentionReport> {
  const covenant = deps.policy.covenant();
  if (!covenant) throw new DomainError('unavailable', 'Er is geen geldend convenant.');
  const feiten = await deps.store.informatie.bewaarFeiten();
  const soorten = new Map(
    (await deps.store.partners.findByIds([...new Set(feiten.map((f) => f.bronPartnerId))])).map((p) => [p.id, p.soort]),
  );
  const perCategorie: Record<string, number> = {};
  const expired: string[] = [];
  let zonderTermijn = 0;
  let beperkt = 0;
  let inVerzoek = 0;
  const bewaard = await beperktBewaard(deps.store);
  const gevraagd = await verzoekBewaard(deps.store);
  for (const f of feiten) {
    const termijn = bewaartermijnVan(covenant, f.categorie, {
      id: f.bronPartnerId,
      soort: soorten.get(f.bronPartnerId) ?? '',
    });
    if (!termijn) {
      zonderTermijn++;
      continue;
    }
    const tot = bewaardTot(termijn, f);
    if (tot === null || tot > opts.now) continue;
    if (bewaard.items.has(f.id) || (f.betrokkeneId !== null && bewaard.betrokkenen.has(f.betrokkeneId))) {
      beperkt++;
      continue;
    }
    if (f.betrokkeneId !== null && gevraagd.has(f.betrokkeneId)) {
      inVerzoek++;
      continue;
    }
    expired.push(f.id);
    perCategorie[f.categorie] = (perCategorie[f.categorie] ?? 0) + 1;
  }
  let verwijderd = 0;
  if (!opts.dryRun)
    for (let i = 0; i < expired.length; i += BATCH)
      verwijderd += await deps.store.informatie.deleteMany(expired.slice(i, i + BATCH));
  return { dryRun: opts.dryRun, perCategorie, verwijderd, zonderTermijn, beperkt, inVerzoek };
}
