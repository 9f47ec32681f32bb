/**
 * The legal terms for answering a subject-rights request, per regime of the source partner and per kind
 * of request, each with the article it comes from; where a kind has no term of its own in a regime the
 * row says why. Checked against the published texts: AVG art. 12 lid 3, Wpg art. 25 lid 1 (six weeks,
 * four years back) and art. 27, Wjsg art. 43 lid 1 (four weeks, persoonsdossiers, referring to art. 18).
 * The lid of Wpg art. 28 and Wjsg art. 22 were not checked against the text: a lawyer should confirm them.
 */
export const regimes = ['AVG', 'Wpg', 'Wjsg', 'Jeugdwet'] as const;
export type Regime = (typeof regimes)[number];

export const verzoekSoorten = ['inzage', 'rectificatie', 'wissing', 'beperking', 'bezwaar'] as const;
export type VerzoekSoort = (typeof verzoekSoorten)[number];

/**
 * How the end of a term is computed. `eu-1182-71`: months per Regulation 1182/71 art. 3(2)(c), a last day
 * on a Saturday, Sunday or holiday moves to the next working day (art. 3(4)). `atw`: Dutch statutory weeks,
 * moved to the next working day by Algemene termijnenwet art. 1 lid 1.
 */
export type Rekenwijze = 'eu-1182-71' | 'atw';

export interface Termijnregel {
  periode: { maanden: number } | { weken: number };
  artikel: string;
  rekenwijze: Rekenwijze;
  /** At most this many months' extension, told to the person with reasons within the first term. */
  verlenging?: { maanden: number; artikel: string };
  /** How far back the answer must report disclosures to recipients. */
  terugkijkperiode?: { jaren: number; artikel: string };
}

const AVG_12_3 = 'AVG (Verordening (EU) 2016/679) art. 12 lid 3';
const avg: Termijnregel = {
  periode: { maanden: 1 },
  artikel: `${AVG_12_3}: onverwijld en uiterlijk binnen een maand na ontvangst`,
  rekenwijze: 'eu-1182-71',
  verlenging: { maanden: 2, artikel: `${AVG_12_3}, tweede en derde volzin` },
};
const perSoort = (regel: Termijnregel): Record<VerzoekSoort, Termijnregel> => ({
  inzage: regel,
  rectificatie: regel,
  wissing: regel,
  beperking: regel,
  bezwaar: regel,
});

const wpg28: Termijnregel = {
  periode: { weken: 6 },
  artikel: 'Wpg art. 28 lid 3 (verbetering, aanvulling, vernietiging of afscherming: binnen zes weken)',
  rekenwijze: 'atw',
};
const wjsg22: Termijnregel = {
  periode: { weken: 4 },
  artikel: 'Wjsg art. 22 jo. art. 18 (verbetering of verwijdering van justitiële gegevens: binnen vier weken)',
  rekenwijze: 'atw',
};

export const termijnen: Readonly<Record<Regime, Readonly<Record<VerzoekSoort, Termijnregel>>>> = {
  AVG: perSoort(avg),
  // The Jeugdwet has no terms of its own for these rights: the AVG applies.
  Jeugdwet: perSoort({ ...avg, artikel: `${avg.artikel} (Jeugdwet: geen eigen termijn, AVG van toepassing)` }),
  Wpg: {
    inzage: {
      periode: { weken: 6 },
      artikel: 'Wpg art. 25 lid 1 (kennisneming: binnen zes weken)',
      rekenwijze: 'atw',
      terugkijkperiode: { jaren: 4, artikel: 'Wpg art. 25 lid 1 (verstrekkingen in de vier jaar voor het verzoek)' },
    },
    rectificatie: wpg28,
    wissing: wpg28,
    beperking: wpg28,
    // Directive 2016/680, which the Wpg implements, has no right to object; the ZVH's own processing of
    // the same data falls under the AVG, so its term applies.
    bezwaar: { ...avg, artikel: `${avg.artikel} (Wpg kent geen recht van bezwaar)` },
  },
  Wjsg: {
    inzage: {
      periode: { weken: 4 },
      artikel:
        'Wjsg art. 18 lid 1 (justitiële en strafvorderlijke gegevens) en art. 43 lid 1 (persoonsdossiers): binnen vier weken',
      rekenwijze: 'atw',
    },
    rectificatie: wjsg22,
    wissing: wjsg22,
    beperking: wjsg22,
    bezwaar: { ...avg, artikel: `${avg.artikel} (Wjsg kent geen recht van bezwaar)` },
  },
};

export function isRegime(value: string): value is Regime {
  return (regimes as readonly string[]).includes(value);
}
