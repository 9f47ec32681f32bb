import { randomUUID } from 'node:crypto';
import type { components } from '../../openapi/generated/knooppunt.js';
import { DomainError, type InvalidParam } from '../errors/domain-error.js';
import type { Fase } from '../../policies/taxonomy/fasen.js';
import { checkSupplyBasis } from './check-supply-basis.js';
import { idempotent, requestHash, type StoredAnswer } from './idempotency.js';
import type { Caller, UseCaseDeps } from '../use-case-deps.js';
import { casusForParticipant } from './casus-for-participant.js';

type Aanlevering = components['schemas']['InformatieAanlevering'];

/**
 * POST /casussen/{id}/informatie: a participating partner adds items. Every item's category must be
 * one this partner may supply for the stated purpose, in this phase of the casus, under the legal basis
 * the item declares (with consent where that basis rests on it: `checkSupplyBasis`); if one is not, none
 * is stored. Special categories (health, criminal, BSN) are encrypted with the betrokkene's data key.
 */
export async function contributeInformatie(
  deps: UseCaseDeps,
  caller: Caller,
  casusId: string,
  body: Aanlevering,
  idempotencyKey: string | undefined,
): Promise<StoredAnswer> {
  const covenant = deps.policy.covenant();
  if (!covenant) throw new DomainError('covenant-denied', 'Er is nu geen convenant van kracht.');
  return idempotent(
    deps.store,
    caller.partner.id,
    idempotencyKey,
    requestHash(`addInformatie:${casusId}`, body),
    async (tx) => {
      const casus = await casusForParticipant(tx.casussen, casusId, caller.partner.id);
      const problems: InvalidParam[] = [];
      body.items.forEach((item, i) => {
        if (!covenant.categories.has(item.categorie))
          problems.push({ name: `/items/${i}/categorie`, reason: `onbekende categorie ${item.categorie}` });
        if (!covenant.grondslagen.has(item.grondslag))
          problems.push({ name: `/items/${i}/grondslag`, reason: `onbekende grondslag ${item.grondslag}` });
      });
      if (!covenant.purposes.has(body.doel)) problems.push({ name: '/doel', reason: `onbekend doel ${body.doel}` });
      if (problems.length > 0)
        throw new DomainError('invalid-request', 'De informatie klopt niet.', { invalidParams: problems });

      checkSupplyBasis(covenant, caller, body.doel, body.items, {
        fase: casus.fase as Fase,
        codeRood: casus.codeRood,
      });

      const linked = new Set((await tx.casussen.betrokkenenOf(casusId)).map((b) => b.betrokkeneId));
      const now = deps.clock.now();
      const rows = [];
      // Many items of one request are about the same person: resolve each person and unwrap its key once.
      const canonicalOf = new Map<string, Promise<string>>();
      const keyOf = new Map<string, Promise<Buffer | undefined>>();
      const dataKey = (id: string) => {
        if (!keyOf.has(id))
          keyOf.set(
            id,
            tx.betrokkenen.dataSleutel(id).then((wrapped) => (wrapped ? deps.dp.unwrapDataKey(wrapped) : undefined)),
          );
        return keyOf.get(id)!;
      };
      for (const [i, item] of body.items.entries()) {
        // Special categories and those the covenant marks gevoelig (e.g. Veilig Thuis reports) are encrypted.
        const special = covenant.categories.get(item.categorie)!.gevoelig;
        if (item.betrokkene && !canonicalOf.has(item.betrokkene))
          canonicalOf.set(item.betrokkene, tx.betrokkenen.canonical(item.betrokkene));
        const betrokkeneId = item.betrokkene ? await canonicalOf.get(item.betrokkene) : undefined;
        if (betrokkeneId && !linked.has(betrokkeneId))
          problems.push({ name: `/items/${i}/betrokkene`, reason: 'geen betrokkene van deze casus' });
        if (special && !betrokkeneId)
          problems.push({
            name: `/items/${i}/betrokkene`,
            reason: 'bijzondere en gevoelige gegevens horen bij een betrokkene (versleuteling per persoon)',
          });
        if (problems.length > 0) continue;
        const id = randomUUID();
        let inhoud = item.inhoud;
        // Named fields are kept apart so masking can remove exactly the masked ones; sealed like inhoud.
        let velden = item.velden && Object.keys(item.velden).length > 0 ? JSON.stringify(item.velden) : null;
        // Everything about a person is sealed under the person's key, so erasure (crypto-shredding) reaches
        // it; only an item about the casus as a whole, which has no person's key, is stored as given.
        const seal = special || !!betrokkeneId;
        if (seal) {
          const key = await dataKey(betrokkeneId!);
          if (!key) throw new DomainError('conflict', 'De gegevens van deze betrokkene zijn gewist.');
          inhoud = deps.dp.encrypt(key, item.inhoud, `item:${id}`);
          if (velden) velden = deps.dp.encrypt(key, velden, `item-velden:${id}`);
        }
        rows.push({
          id,
          casusId,
          betrokkeneId: betrokkeneId ?? null,
          bronPartnerId: caller.partner.id,
          categorie: item.categorie,
          leefgebied: item.leefgebied ?? null,
          inhoud,
          velden,
          versleuteld: seal,
          toestemming: item.toestemming ?? null,
          grondslag: item.grondslag,
          doelVerzameling: body.doel,
          ontvangenOp: now,
        });
      }
      if (problems.length > 0)
        throw new DomainError('invalid-request', 'De informatie klopt niet.', { invalidParams: problems });
      await tx.informatie.addMany(rows);
      return {
        status: 201,
        body: { items: rows.map((r) => ({ id: r.id, categorie: r.categorie, versleuteld: r.versleuteld })) },
      };
    },
  );
}
