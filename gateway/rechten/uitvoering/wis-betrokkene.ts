import type { InformatieRecord } from '../../../adapters/store/informatie-repository.js';
import type { Repositories } from '../../../adapters/store/repositories.js';
import { bewaartermijnVan } from '../../bewaartermijnen/bewaartermijn-van.js';
import { DomainError } from '../../errors/domain-error.js';
import type { UseCaseDeps } from '../../use-case-deps.js';
import { bewaarplichtGrond } from './bewaarplicht.js';
import { openItem, sealItem } from './item-inhoud.js';

export interface WisUitkomst {
  verzoekId: string;
  betrokkeneId: string;
  gewistOp: string;
  /** Ids of the items whose content was erased. */
  gewist: string[];
  /** Items kept, each with the ground that forbids erasing it (AVG art. 17(3)). */
  geweigerd: { item: string; grond: string }[];
}

/** Per item, the ground that keeps it (or none): the source's regime and the covenant's retention period. */
async function gronden(deps: UseCaseDeps, records: string[]): Promise<Map<string, string | undefined>> {
  const covenant = deps.policy.covenant();
  if (!covenant) throw new DomainError('unavailable', 'Er is geen geldend convenant.');
  const feiten = await deps.store.informatie.bewaarFeiten({ betrokkeneIds: records });
  const bronnen = new Map(
    (await deps.store.partners.findByIds([...new Set(feiten.map((f) => f.bronPartnerId))])).map((p) => [p.id, p]),
  );
  const now = deps.clock.now();
  return new Map(
    feiten.map((f) => {
      const bron = bronnen.get(f.bronPartnerId);
      const termijn = bron && bewaartermijnVan(covenant, f.categorie, { id: bron.id, soort: bron.soort });
      return [f.id, bewaarplichtGrond(bron?.regime, termijn, f, now)];
    }),
  );
}

/** Erases one record; items kept under a legal duty move to a fresh data key first, so the old one can go. */
async function wisRecord(deps: UseCaseDeps, tx: Repositories, record: string, kept: InformatieRecord[], at: Date) {
  if (kept.length === 0) return tx.betrokkenen.wis(record, null, at);
  const wrapped = await tx.betrokkenen.itemSleutel(record);
  const old = wrapped ? deps.dp.unwrapDataKey(wrapped) : undefined;
  const fresh = deps.dp.newDataKey();
  for (const item of kept)
    await tx.informatie.setInhoud(item.id, sealItem(deps.dp, fresh.key, item.id, openItem(deps.dp, old, item)));
  await tx.betrokkenen.wis(record, fresh.wrapped, at);
}

/**
 * Erasure (AVG art. 17) by crypto-shredding: the person's wrapped data key is destroyed, so the person
 * record, the BSN and every item sealed under it are unreadable everywhere, backups included; the BSN
 * pseudonym, match and blocking keys and system relations go, so the person is found neither by BSN
 * nor by the verwijsindex nor by linking. Items a source partner must keep by law are refused with
 * their ground and stay readable under a fresh key; the rest is erased. The disclosure log keeps its
 * entries: it holds keyed references only, so it still verifies.
 */
export async function wisBetrokkene(
  deps: UseCaseDeps,
  input: { betrokkeneId: string; verzoekId: string; door: string },
): Promise<WisUitkomst> {
  if (!(await deps.store.betrokkenen.mergedInto(input.betrokkeneId)))
    throw new DomainError('not-found', 'Deze betrokkene bestaat niet.');
  const records = await deps.store.betrokkenen.recordsOfPerson(input.betrokkeneId);
  const grond = await gronden(deps, records);
  const items = (await deps.store.informatie.aboutRecords(records)).filter((i) => !i.gewistOp);
  const kept = items.filter((i) => grond.get(i.id));
  const erased = items.filter((i) => !grond.get(i.id)).map((i) => i.id);
  const at = deps.clock.now();
  await deps.store.transaction(async (tx) => {
    for (const r of records)
      await wisRecord(
        deps,
        tx,
        r,
        kept.filter((i) => i.betrokkeneId === r),
        at,
      );
    await tx.informatie.wisInhoud(erased, at);
    await tx.audit.record(
      {
        soort: 'betrokkene-gewist',
        reden: kept.length > 0 ? 'gedeeltelijk' : 'volledig',
        actor: input.door,
        details: JSON.stringify({ verzoekId: input.verzoekId, records, gewist: erased.length, geweigerd: kept.length }),
      },
      at,
    );
  });
  return {
    verzoekId: input.verzoekId,
    betrokkeneId: input.betrokkeneId,
    gewistOp: at.toISOString(),
    gewist: erased.sort(),
    geweigerd: kept.map((i) => ({ item: i.id, grond: grond.get(i.id)! })).sort((a, b) => a.item.localeCompare(b.item)),
  };
}
