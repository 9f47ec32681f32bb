import type { CategoryDecision } from '../../policies/engine/decision.js';
import type { Caller, UseCaseDeps } from '../use-case-deps.js';
import { beperkteKandidaten } from './beperkingen.js';
import type { CasusFacts } from './informatie-view.js';
import type { Candidate } from './pull-views.js';

/** A candidate that may leave, with the fields it must leave without. */
export interface Judged {
  candidate: Candidate;
  /** Every field left out: masked ones and free text one of whose categories may not go. */
  weg: Set<string>;
  /** Those left out because a granting rule masks them (the recipient is told). */
  gemaskeerd: string[];
  /** Free text left out because one of its categories may not go (the recipient is not told). */
  tekstWeg: string[];
  /** The categories that leave with it: its own and those of the free text that goes. */
  categorieen: string[];
  grondslagen: string[];
}

export interface Judgement {
  allowed: Judged[];
  /** Everything that stays behind: refused by the covenant or withheld by a restriction. */
  refused: Candidate[];
  /** Of those, the ones a restriction withholds, with its ids (for the privacy officer's log entry only). */
  beperkt: Map<Candidate, string[]>;
  covenantVersion: string;
}

const group = (c: Candidate) => `${c.bron}|${c.toestemming ? 'toestemming' : ''}`;

/** One covenant question per source (and consent): every category any of its candidates needs. */
function decideAll(
  deps: UseCaseDeps,
  caller: Caller,
  casus: CasusFacts,
  candidates: Candidate[],
  doel: string,
  soorten: Map<string, string>,
) {
  const groups = new Map<string, { bron: string; toestemming: boolean; categorieen: Set<string> }>();
  for (const c of candidates) {
    const g = groups.get(group(c)) ?? { bron: c.bron, toestemming: !!c.toestemming, categorieen: new Set<string>() };
    for (const cat of [...c.categorieen, ...Object.values(c.velden).flat()]) g.categorieen.add(cat);
    groups.set(group(c), g);
  }
  const decisions = new Map<string, CategoryDecision>();
  let covenantVersion = deps.policy.covenant()?.label ?? 'geen';
  for (const [k, g] of groups) {
    const d = deps.policy.decide({
      actie: 'verstrekken',
      partner: caller.partner,
      bron: { id: g.bron, soort: soorten.get(g.bron) ?? 'overig' },
      categorieen: [...g.categorieen],
      doel,
      fase: casus.fase as never,
      deelnemer: true,
      codeRood: casus.codeRood,
      toestemming: g.toestemming,
    });
    covenantVersion = d.covenantVersion;
    for (const c of d.perCategory) decisions.set(`${k}|${c.categorie}`, c);
  }
  return { decisions, covenantVersion };
}

/** Which fields of a permitted candidate stay behind, and what leaves with it. */
function judgeOne(candidate: Candidate, of: (categorie: string) => CategoryDecision): Judged {
  const own = candidate.categorieen.map(of);
  const masks = new Set(own.flatMap((d) => d.maskering));
  const j: Judged = { candidate, weg: new Set(), gemaskeerd: [], tekstWeg: [], categorieen: [], grondslagen: [] };
  const categorieen = new Set(candidate.categorieen);
  const grondslagen = new Set(own.map((d) => d.grondslag));
  for (const [veld, extra] of Object.entries(candidate.velden)) {
    const ds = extra.map(of);
    if (ds.some((d) => d.effect !== 'permit' || d.maskering.includes(veld))) {
      j.weg.add(veld);
      j.tekstWeg.push(veld);
    } else if (masks.has(veld)) {
      j.weg.add(veld);
      j.gemaskeerd.push(veld);
    } else {
      for (const d of ds) {
        categorieen.add(d.categorie);
        grondslagen.add(d.grondslag);
      }
    }
  }
  j.categorieen = [...categorieen];
  j.grondslagen = [...grondslagen].filter((g): g is string => !!g);
  return j;
}

/**
 * The covenant's say over every candidate of a pull. A candidate leaves only when every category it
 * belongs to is permitted (an aggregate-only answer is not a permit) and no open restriction,
 * objection or dispute withholds it; then masked fields are removed and so is free text one of whose
 * further categories may not go, or that one of them masks. A withheld candidate is refused exactly
 * like one the covenant refuses, so the recipient cannot tell a restriction from a rule. With
 * `unrestricted` the caller's own query has shown that no open restriction names any candidate.
 */
export async function judgeCandidates(
  deps: UseCaseDeps,
  caller: Caller,
  casus: CasusFacts,
  candidates: Candidate[],
  doel: string,
  options: { unrestricted?: boolean } = {},
): Promise<Judgement> {
  // The informatie view already knows whether any restriction could apply: then there is none to fetch.
  const beperkt = options.unrestricted
    ? new Map<Candidate, string[]>()
    : await beperkteKandidaten(deps, candidates, doel);
  const soorten = await deps.soortOf(candidates.map((c) => c.bron));
  const { decisions, covenantVersion } = decideAll(deps, caller, casus, candidates, doel, soorten);
  const allowed: Judged[] = [];
  const refused: Candidate[] = [];
  for (const c of candidates) {
    const of = (categorie: string) => decisions.get(`${group(c)}|${categorie}`)!;
    if (beperkt.has(c) || c.categorieen.some((k) => of(k).effect !== 'permit')) refused.push(c);
    else allowed.push(judgeOne(c, of));
  }
  return { allowed, refused, beperkt, covenantVersion };
}
