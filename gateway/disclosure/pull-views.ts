import type { CasusRecord } from '../../adapters/store/casus-repository.js';
import type { UseCaseDeps } from '../use-case-deps.js';

export type PullView = 'casus' | 'betrokkenen' | 'systeem' | 'informatie';

/** One piece of data that may leave: who supplied it, what it is about, and how to render it. */
export interface Candidate {
  bron: string;
  /** The categories the piece as a whole belongs to, its own first: every one must be permitted. */
  categorieen: string[];
  /**
   * The persons whose data it is (betrokkene ids): the log entry carries one keyed reference for each,
   * and a per-person record (`perPersoon`). A piece about the casus as a whole is about all its persons.
   */
  subjects: string[];
  /** The informatie item's id, named in the per-person record of the log entry. */
  item?: string;
  /** Supplied with a consent reference: only then can a rule that rests on consent apply. */
  toestemming?: boolean;
  /**
   * The fields it carries. A free-text field maps to the further categories its supplier classified it
   * under: it leaves only where every one of them may. Masking removes fields by these names.
   */
  velden: Record<string, readonly string[]>;
  /** The piece without the fields in `weg`; `gemaskeerd` are those of them the covenant masks. */
  render: (weg: ReadonlySet<string>, gemaskeerd: readonly string[]) => unknown;
}

export interface Gathered {
  candidates: Candidate[];
  /**
   * True when the gathering query itself showed that no open restriction, objection or dispute names
   * any candidate or its persons, so none needs looking up; absent when it was not asked.
   */
  unrestricted?: boolean;
  shape: (parts: { categorie: string; value: unknown }[]) => Record<string, unknown>;
}

/** Every field of a plain record, none of them carrying further categories. */
const plain = (o: Record<string, unknown>): Record<string, readonly string[]> =>
  Object.fromEntries(Object.keys(o).map((k) => [k, []]));
const without = (o: Record<string, unknown>, weg: ReadonlySet<string>) =>
  Object.fromEntries(Object.entries(o).filter(([k, v]) => !weg.has(k) && v !== undefined));

async function personData(
  deps: UseCaseDeps,
  id: string,
): Promise<{ persoon?: Record<string, string | undefined>; bsn?: string }> {
  const row = await deps.store.betrokkenen.sealed(id);
  if (!row?.dataSleutel) return {};
  const key = deps.dp.unwrapDataKey(row.dataSleutel);
  return {
    persoon: JSON.parse(deps.dp.decrypt(key, row.persoonVersleuteld, `persoon:${id}`)),
    bsn: row.bsnVersleuteld ? deps.dp.decrypt(key, row.bsnVersleuteld, `bsn:${id}`) : undefined,
  };
}

/** The casus' betrokkenen as their canonical person (after merges), with their role in the casus. */
async function personsOf(deps: UseCaseDeps, casusId: string): Promise<Map<string, string>> {
  const persons = new Map<string, string>();
  for (const l of await deps.store.casussen.betrokkenenOf(casusId))
    persons.set(await deps.store.betrokkenen.canonical(l.betrokkeneId), l.rol);
  return persons;
}

/**
 * The referral and the current triage decision. The reason names what its referrer classified it under
 * (`redenCategorieen`), and the rest of a referral — its leefgebieden, signals and referrer — says the
 * same in fewer words, so the referral goes as a whole only where all of them may. A triage motivation
 * carries its own categories: without them the decision goes, its motivation stays.
 */
async function casusView(deps: UseCaseDeps, casus: CasusRecord): Promise<Gathered> {
  const bron = casus.aanmelderId;
  const subjects = [...(await personsOf(deps, casus.id)).keys()];
  const aanmelding = {
    soort: casus.soort,
    status: casus.status,
    fase: casus.fase,
    codeRood: casus.codeRood,
    gemeente: casus.gemeente,
    reden: casus.reden,
    leefgebieden: JSON.parse(casus.leefgebieden),
    signalen: JSON.parse(casus.signalen),
    aanmelder: bron,
    aangemaaktOp: casus.aangemaaktOp.toISOString(),
  };
  const redenCategorieen: string[] = casus.redenCategorieen ? JSON.parse(casus.redenCategorieen) : [];
  const candidates: Candidate[] = [
    {
      bron,
      categorieen: ['aanmelding', ...redenCategorieen],
      subjects,
      velden: plain(aanmelding),
      render: (weg) => without(aanmelding, weg),
    },
  ];
  if (casus.triage) {
    const besluit = JSON.parse(casus.triage) as { door: string; motiveringCategorieen?: string[] };
    const tekst = besluit.motiveringCategorieen ?? [];
    candidates.push({
      bron: besluit.door.split('/')[0]!,
      categorieen: ['triage-uitkomst'],
      subjects,
      velden: { ...plain(besluit), motivering: tekst, motiveringCategorieen: tekst },
      render: (weg) => without(besluit, weg),
    });
  }
  return {
    candidates,
    shape: (parts) =>
      Object.fromEntries(parts.map((p) => [p.categorie === 'aanmelding' ? 'aanmelding' : 'triage', p.value])),
  };
}

async function betrokkenenView(deps: UseCaseDeps, casus: CasusRecord): Promise<Gathered> {
  const bron = casus.aanmelderId;
  const persons = await personsOf(deps, casus.id);
  const candidates: Candidate[] = [];
  const piece = (id: string, categorie: string, fields: Record<string, unknown>): Candidate => ({
    bron,
    categorieen: [categorie],
    subjects: [id],
    velden: plain(fields),
    render: (weg) => ({ id, ...without(fields, weg) }),
  });
  for (const [id, rol] of persons) {
    const { persoon, bsn } = await personData(deps, id);
    if (!persoon) {
      candidates.push(piece(id, 'identificatie', { rol, gewist: true }));
      continue;
    }
    const { voornamen, tussenvoegsel, achternaam, geboortedatum } = persoon;
    candidates.push(piece(id, 'identificatie', { voornamen, tussenvoegsel, achternaam, geboortedatum }));
    if (bsn) candidates.push(piece(id, 'bsn', { bsn }));
    if (persoon.postcode) candidates.push(piece(id, 'contactgegevens', { postcode: persoon.postcode }));
  }
  return {
    candidates,
    shape: (parts) => {
      const byId = new Map<string, Record<string, unknown>>();
      for (const p of parts) {
        const v = p.value as { id: string };
        byId.set(v.id, { ...(byId.get(v.id) ?? { id: v.id, rol: persons.get(v.id) }), ...v });
      }
      return { betrokkenen: [...byId.values()] };
    },
  };
}

/** What the casus, betrokkenen and systeem views could show, before the covenant has its say. */
export async function gather(
  deps: UseCaseDeps,
  casus: CasusRecord,
  view: Exclude<PullView, 'informatie'>,
): Promise<Gathered> {
  if (view === 'casus') return casusView(deps, casus);
  if (view === 'betrokkenen') return betrokkenenView(deps, casus);
  // systeem: the relations between the casus' persons; a relation is about both of them
  const ids = [...(await personsOf(deps, casus.id)).keys()];
  const relaties = await deps.store.betrokkenen.relatiesBetween(ids);
  return {
    candidates: relaties.map((r) => ({
      bron: r.bronPartnerId,
      categorieen: ['systeem'],
      subjects: [r.vanId, r.naarId],
      velden: { soort: [] },
      render: (weg) => ({ van: r.vanId, naar: r.naarId, ...(weg.has('soort') ? {} : { soort: r.soort }) }),
    })),
    shape: (parts) => ({ relaties: parts.map((p) => p.value) }),
  };
}
