import { createHash } from 'node:crypto';
import type { Bijzonder, CovenantDocument, PartnerSelector, RegelDocument } from './covenant-schema.js';

export interface Categorie {
  key: string;
  ouder?: string;
  omschrijving: string;
  /** Own special-category mark, or the nearest ancestor's: a child of a health category is health data. */
  bijzonder: Bijzonder;
  /** Encrypted at rest under the person's key: special categories and those marked `gevoelig` (inherited). */
  gevoelig: boolean;
  /** Self first, then parent, grandparent, … */
  ancestors: string[];
}

export interface Doel {
  key: string;
  ouder?: string;
  omschrijving: string;
  ancestors: string[];
}

export interface Grondslag {
  key: string;
  avg: string;
  nationaal?: string;
  dekt: ReadonlySet<Bijzonder>;
  /** Rests on consent: a rule with this basis needs a recorded consent reference. */
  toestemming: boolean;
}

export interface CompiledRule {
  source: RegelDocument;
  id: string;
  index: number;
  effect: 'permit' | 'deny';
  actie: 'aanleveren' | 'verstrekken';
  leverancier: PartnerSelector;
  ontvanger: PartnerSelector;
  /** Every category this rule covers: its own and all their descendants. */
  covers: ReadonlySet<string>;
  /** Purposes this rule allows: the allowed ones and all their descendants (permit rules). */
  allows: ReadonlySet<string>;
  /** Purposes this rule refuses: prohibited ones, their descendants and their ancestors (broader purposes include them). */
  blocks: ReadonlySet<string>;
  /** For deny rules: the purposes they apply to — `blocks` of their verbodenDoelen; none listed = every purpose. */
  denyForAll: boolean;
  deelnemer: boolean;
  fasen?: ReadonlySet<string>;
  codeRood?: boolean;
  grondslag?: Grondslag;
  maskering: readonly string[];
  bewaartermijn?: { duur: string; vanaf: 'afsluiting' | 'ontvangst' };
}

export interface CompiledCovenant {
  id: string;
  versie: string;
  /** `id@versie`: what every decision names. */
  label: string;
  titel: string;
  geldigVanaf: Date;
  /** End, exclusive: the day after the file's inclusive `geldigTot`. */
  geldigTot?: Date;
  sha256: string;
  /** What a recipient hears of what was left out: nothing, or only that something was. */
  weglatingen: 'verzwijgen' | 'melden';
  /** The YAML as signed, kept so every decision can be traced to its exact text. */
  sourceText: string;
  document: CovenantDocument;
  categories: ReadonlyMap<string, Categorie>;
  purposes: ReadonlyMap<string, Doel>;
  grondslagen: ReadonlyMap<string, Grondslag>;
  rules: readonly CompiledRule[];
  /** Rules per action and category: only these can apply to a request for that category. */
  rulesFor(actie: 'aanleveren' | 'verstrekken', categorie: string): readonly CompiledRule[];
}

function ancestry<T extends { key: string; ouder?: string }>(items: T[]): Map<string, string[]> {
  const parent = new Map(items.map((i) => [i.key, i.ouder]));
  return new Map(
    items.map((i) => {
      const chain: string[] = [];
      for (let k: string | undefined = i.key; k; k = parent.get(k)) chain.push(k);
      return [i.key, chain];
    }),
  );
}

/** All keys whose ancestry contains one of `roots` (the roots included). */
function descendantsOf(roots: Iterable<string>, ancestors: Map<string, string[]>): Set<string> {
  const wanted = new Set(roots);
  return new Set([...ancestors].filter(([, chain]) => chain.some((k) => wanted.has(k))).map(([k]) => k));
}

/** Turns a parsed covenant into the indexed form decisions run on. Validity runs from geldigVanaf 00:00 UTC through all of geldigTot. */
export function compileCovenant(doc: CovenantDocument, sourceText: string): CompiledCovenant {
  const catAncestors = ancestry(doc.gegevenscategorieen);
  const purposeAncestors = ancestry(doc.doelen);
  const ownMark = new Map(doc.gegevenscategorieen.map((c) => [c.key, c.bijzonder]));
  const ownSensitive = new Map(doc.gegevenscategorieen.map((c) => [c.key, c.gevoelig]));
  const categories = new Map<string, Categorie>(
    doc.gegevenscategorieen.map((c) => {
      const chain = catAncestors.get(c.key)!;
      const mark = chain.map((k) => ownMark.get(k)!).find((b) => b !== 'geen') ?? 'geen';
      const gevoelig = mark !== 'geen' || chain.some((k) => ownSensitive.get(k) === true);
      return [
        c.key,
        { key: c.key, ouder: c.ouder, omschrijving: c.omschrijving, bijzonder: mark, gevoelig, ancestors: chain },
      ];
    }),
  );
  const purposes = new Map<string, Doel>(
    doc.doelen.map((d) => [
      d.key,
      { key: d.key, ouder: d.ouder, omschrijving: d.omschrijving, ancestors: purposeAncestors.get(d.key)! },
    ]),
  );
  const grondslagen = new Map<string, Grondslag>(
    doc.grondslagen.map((g) => [
      g.key,
      {
        key: g.key,
        avg: g.avg,
        nationaal: g.nationaal,
        dekt: new Set(g.dekt),
        toestemming: g.toestemming ?? (g.avg === '6.1.a' || g.avg === '9.2.a'),
      },
    ]),
  );
  const rules: CompiledRule[] = doc.regels.map((r, index) => {
    const prohibitedAndBelow = descendantsOf(r.verbodenDoelen, purposeAncestors);
    const above = r.verbodenDoelen.flatMap((p) => purposeAncestors.get(p) ?? []);
    return {
      source: r,
      id: r.id,
      index,
      effect: r.effect,
      actie: r.actie,
      leverancier: r.leverancier,
      ontvanger: r.ontvanger ?? '*',
      covers: descendantsOf(r.categorieen, catAncestors),
      allows: descendantsOf(r.toegestaneDoelen, purposeAncestors),
      blocks: new Set([...prohibitedAndBelow, ...above]),
      denyForAll: r.effect === 'deny' && r.verbodenDoelen.length === 0,
      deelnemer: r.voorwaarden.deelnemer ?? true,
      fasen: r.voorwaarden.fasen ? new Set(r.voorwaarden.fasen) : undefined,
      codeRood: r.voorwaarden.codeRood,
      grondslag: r.grondslag ? grondslagen.get(r.grondslag) : undefined,
      maskering: r.maskering,
      bewaartermijn: r.bewaartermijn,
    };
  });
  const index = new Map<string, CompiledRule[]>();
  for (const rule of rules) {
    for (const c of rule.covers) {
      const k = `${rule.actie}|${c}`;
      index.set(k, [...(index.get(k) ?? []), rule]);
    }
  }
  const c = doc.convenant;
  return {
    id: c.id,
    versie: c.versie,
    label: `${c.id}@${c.versie}`,
    titel: c.titel,
    geldigVanaf: new Date(`${c.geldigVanaf}T00:00:00Z`),
    geldigTot: c.geldigTot ? new Date(Date.parse(`${c.geldigTot}T00:00:00Z`) + 86_400_000) : undefined,
    sha256: createHash('sha256').update(sourceText).digest('hex'),
    weglatingen: c.weglatingen ?? 'verzwijgen',
    sourceText,
    document: doc,
    categories,
    purposes,
    grondslagen,
    rules,
    rulesFor: (actie, categorie) => index.get(`${actie}|${categorie}`) ?? [],
  };
}
