import { randomUUID } from 'node:crypto';
import type { DataProtection } from '../../adapters/crypto/data-protection.js';
import type { BetrokkeneRepository } from '../../adapters/store/betrokkene-repository.js';
import type { Repositories } from '../../adapters/store/repositories.js';
import type { components } from '../../openapi/generated/knooppunt.js';
import { blockingKeys } from './matching/blocking-keys.js';
import { PROPOSAL_THRESHOLD, scoreCandidate, type MatchablePerson } from './matching/score-candidate.js';

/** A person as the contract describes one (its role belongs to the casus link, not to linking). */
export type PersoonInput = Omit<components['schemas']['Persoon'], 'rol'>;

export interface Linked {
  ref: string;
  betrokkene: string;
  koppeling: 'bsn-bekend' | 'bsn-nieuw' | 'nieuw' | 'nieuw-met-kandidaten';
  voorstellen: number;
}

/** Lower case, no diacritics, letters only: "Jansen-de Vries", "jansen de vries" and "Jansén-De Vries" match. */
export function normaliseName(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z]/g, '');
}

/**
 * The older single match key (surname with prefix + birth date), still written and searched so records
 * stored before blocking keys existed are found.
 */
function matchValue(p: PersoonInput): string {
  return `${normaliseName(`${p.tussenvoegsel ?? ''}${p.achternaam}`)}|${p.geboortedatum ?? ''}`;
}

const normalisePostcode = (p?: string) => p?.replace(/\s/g, '').toUpperCase();

async function createBetrokkene(
  betrokkenen: Pick<BetrokkeneRepository, 'create'>,
  dp: DataProtection,
  p: PersoonInput,
  now: Date,
): Promise<string> {
  const id = randomUUID();
  const { key, wrapped } = dp.newDataKey();
  const persoon = {
    voornamen: p.voornamen,
    tussenvoegsel: p.tussenvoegsel,
    achternaam: p.achternaam,
    geboortedatum: p.geboortedatum,
    postcode: normalisePostcode(p.postcode),
  };
  await betrokkenen.create({
    id,
    bsnPseudoniem: p.bsn ? dp.bsnPseudonym(p.bsn) : null,
    bsnVersleuteld: p.bsn ? dp.encrypt(key, p.bsn, `bsn:${id}`) : null,
    persoonVersleuteld: dp.encrypt(key, JSON.stringify(persoon), `persoon:${id}`),
    matchSleutel: dp.matchKey(matchValue(p)),
    dataSleutel: wrapped,
    aangemaaktOp: now,
    blokkeerSleutels: blockingKeys(p).map((k) => dp.matchKey(k)),
  });
  return id;
}

/** Decrypted person data of a betrokkene, or undefined once its data key was destroyed (erased). */
export async function readPersoon(
  betrokkenen: Pick<BetrokkeneRepository, 'sealed'>,
  dp: DataProtection,
  id: string,
): Promise<MatchablePerson | undefined> {
  const row = await betrokkenen.sealed(id);
  if (!row?.dataSleutel) return undefined;
  return JSON.parse(dp.decrypt(dp.unwrapDataKey(row.dataSleutel), row.persoonVersleuteld, `persoon:${id}`));
}

/**
 * Finds or creates the betrokkene for one person. A BSN (already checked by the caller) is matched
 * through its keyed pseudonym and links for certain. Without one — and for a new BSN record too —
 * records that share a keyed blocking key are decrypted and scored (Dutch surname rules, birth date,
 * initial, postcode); from PROPOSAL_THRESHOLD up they become proposals for the procesregisseur to decide,
 * with the score and what agreed: never a silent merge. Two different BSNs are never proposed.
 */
export async function linkPersoon(
  tx: Pick<Repositories, 'betrokkenen' | 'koppelvoorstellen'>,
  dp: DataProtection,
  p: PersoonInput,
  now: Date,
): Promise<Linked> {
  if (p.bsn) {
    const known = await tx.betrokkenen.findIdByBsnPseudonym(dp.bsnPseudonym(p.bsn));
    if (known)
      return { ref: p.ref, betrokkene: await tx.betrokkenen.canonical(known), koppeling: 'bsn-bekend', voorstellen: 0 };
  }
  const keys = blockingKeys(p).map((k) => dp.matchKey(k));
  const candidates = await tx.betrokkenen.candidatesByKeys(keys, dp.matchKey(matchValue(p)));
  const id = await createBetrokkene(tx.betrokkenen, dp, p, now);
  let voorstellen = 0;
  for (const c of candidates) {
    if (p.bsn && c.bsnPseudoniem) continue;
    const other = await readPersoon(tx.betrokkenen, dp, c.id);
    if (!other) continue;
    const { score, overeenkomsten } = scoreCandidate(p, other);
    if (score < PROPOSAL_THRESHOLD) continue;
    await tx.koppelvoorstellen.create(
      { id: randomUUID(), betrokkeneId: id, kandidaatId: c.id, reden: overeenkomsten.join('+'), score, overeenkomsten },
      now,
    );
    voorstellen++;
  }
  const koppeling = p.bsn ? 'bsn-nieuw' : voorstellen > 0 ? 'nieuw-met-kandidaten' : 'nieuw';
  return { ref: p.ref, betrokkene: id, koppeling, voorstellen };
}
