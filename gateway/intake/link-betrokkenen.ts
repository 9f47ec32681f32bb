import { randomUUID } from 'node:crypto';
import type { DataProtection } from '../../adapters/crypto/data-protection.js';
import type { Db } from '../../adapters/store/open-store.js';
import type { components } from '../../openapi/generated/knooppunt.js';
import type { Tx } from './intake-deps.js';

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

/** Surname with its prefix ("de" + "Vries" and "de Vries" are one name) and the birth date. */
function matchValue(p: PersoonInput): string {
  return `${normaliseName(`${p.tussenvoegsel ?? ''}${p.achternaam}`)}|${p.geboortedatum}`;
}

const normalisePostcode = (p?: string) => p?.replace(/\s/g, '').toUpperCase();

/** The record a merged record now lives on: merges can chain, so follow them to the end. */
export async function canonical(tx: Tx | Db, id: string): Promise<string> {
  let current = id;
  for (let i = 0; i < 20; i++) {
    const row = await tx.betrokkene.findUnique({ where: { id: current }, select: { samengevoegdIn: true } });
    if (!row?.samengevoegdIn) return current;
    current = row.samengevoegdIn;
  }
  return current;
}

/** Every record of one person: the canonical record and all records merged into it, at any depth. */
export async function recordsOfPerson(db: Tx | Db, startId: string): Promise<string[]> {
  const root = await canonical(db, startId);
  const all = new Set([root]);
  let frontier = [root];
  while (frontier.length > 0) {
    const merged = await db.betrokkene.findMany({ where: { samengevoegdIn: { in: frontier } }, select: { id: true } });
    frontier = merged.map((m) => m.id).filter((id) => !all.has(id));
    frontier.forEach((id) => all.add(id));
  }
  return [...all];
}

async function createBetrokkene(tx: Tx, dp: DataProtection, p: PersoonInput, now: Date): Promise<string> {
  const id = randomUUID();
  const { key, wrapped } = dp.newDataKey();
  const persoon = {
    voornamen: p.voornamen,
    tussenvoegsel: p.tussenvoegsel,
    achternaam: p.achternaam,
    geboortedatum: p.geboortedatum,
    postcode: normalisePostcode(p.postcode),
  };
  await tx.betrokkene.create({
    data: {
      id,
      bsnPseudoniem: p.bsn ? dp.bsnPseudonym(p.bsn) : null,
      bsnVersleuteld: p.bsn ? dp.encrypt(key, p.bsn, `bsn:${id}`) : null,
      persoonVersleuteld: dp.encrypt(key, JSON.stringify(persoon), `persoon:${id}`),
      matchSleutel: dp.matchKey(matchValue(p)),
      dataSleutel: wrapped,
      aangemaaktOp: now,
    },
  });
  return id;
}

/** Decrypted person data of a betrokkene, or undefined once its data key was destroyed (erased). */
export async function readPersoon(
  tx: Tx,
  dp: DataProtection,
  id: string,
): Promise<{ postcode?: string; achternaam: string; geboortedatum: string } | undefined> {
  const row = await tx.betrokkene.findUnique({
    where: { id },
    select: { persoonVersleuteld: true, dataSleutel: true },
  });
  if (!row?.dataSleutel) return undefined;
  return JSON.parse(dp.decrypt(dp.unwrapDataKey(row.dataSleutel), row.persoonVersleuteld, `persoon:${id}`));
}

/**
 * Finds or creates the betrokkene for one person. A BSN (already checked by the caller) is matched
 * through its keyed pseudonym and links for certain. Without one — and for a new BSN record too —
 * records with the same normalised surname and birth date become candidate matches for the
 * procesregisseur to decide: never a silent merge.
 */
export async function linkPersoon(tx: Tx, dp: DataProtection, p: PersoonInput, now: Date): Promise<Linked> {
  if (p.bsn) {
    const known = await tx.betrokkene.findUnique({
      where: { bsnPseudoniem: dp.bsnPseudonym(p.bsn) },
      select: { id: true },
    });
    if (known)
      return { ref: p.ref, betrokkene: await canonical(tx, known.id), koppeling: 'bsn-bekend', voorstellen: 0 };
  }
  const candidates = await tx.betrokkene.findMany({
    where: { matchSleutel: dp.matchKey(matchValue(p)), samengevoegdIn: null, gewistOp: null },
    select: { id: true, bsnPseudoniem: true },
  });
  const id = await createBetrokkene(tx, dp, p, now);
  let voorstellen = 0;
  for (const c of candidates) {
    // Two different BSNs are two different people, whatever their names say.
    if (p.bsn && c.bsnPseudoniem) continue;
    const other = await readPersoon(tx, dp, c.id);
    const samePostcode = other?.postcode !== undefined && other.postcode === normalisePostcode(p.postcode);
    await tx.koppelVoorstel.create({
      data: {
        id: randomUUID(),
        betrokkeneId: id,
        kandidaatId: c.id,
        reden: samePostcode ? 'naam+geboortedatum+postcode' : 'naam+geboortedatum',
        aangemaaktOp: now,
      },
    });
    voorstellen++;
  }
  const koppeling = p.bsn ? 'bsn-nieuw' : voorstellen > 0 ? 'nieuw-met-kandidaten' : 'nieuw';
  return { ref: p.ref, betrokkene: id, koppeling, voorstellen };
}
