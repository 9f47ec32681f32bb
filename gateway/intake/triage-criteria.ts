/** What is known about a casus, as far as the national screening criteria need it (seed 001 §4.2). */
export interface TriageFacts {
  soort: 'persoon' | 'systeem' | 'gebied';
  leefgebieden: string[];
  signalen: string[];
  /** Categories of the information partners supplied. */
  categorieen: string[];
  /** Kinds of the partners involved: participants and sources of information. */
  partnerSoorten: string[];
  betrokkenen: number;
  relaties: number;
  codeRood: boolean;
}

export interface Criterium {
  criterium: string;
  omschrijving: string;
  voldaan: boolean;
  redenen: string[];
}

export type Voorstel = 'terugleggen-met-advies' | 'ondersteunen-aanmelder' | 'procesregie';

/** Partners of the coercive chain (dwang) and of the care / pressure chain (drang, zorg). */
const DWANG = ['politie', 'om', 'reclassering', 'dji', 'rvdk'];
const DRANG = ['gemeente', 'ggz', 'verslavingszorg', 'veilig-thuis', 'jeugdbescherming', 'woningcorporatie'];
const CRIMINAL = [
  'strafrechtelijk',
  'politiegegevens',
  'justitiele-gegevens',
  'reclasseringstoezicht',
  'detentie',
  'huiselijk-geweld',
];
const SYSTEM = ['systeem', 'huiselijk-geweld', 'kinderbescherming'];

/**
 * The four national criteria for complex problems, each with the facts that decide it, and the
 * proposal they lead to: (A and B and C) or D → procesregie by the ZVH; A and B without the system →
 * support the referrer; otherwise hand back with advice. Pure: the procesregisseur decides.
 */
export function evaluateTriage(f: TriageFacts): { criteria: Criterium[]; voorstel: Voorstel } {
  const domains = [...new Set(f.leefgebieden)];
  const harm = [
    ...f.signalen.filter((s) => ['criminaliteit', 'overlast', 'geweld'].includes(s)),
    ...f.categorieen.filter((c) => CRIMINAL.includes(c)),
  ];
  const a: Criterium = {
    criterium: 'A',
    omschrijving:
      'Meervoudige problematiek op meer dan één leefgebied die leidt (of dreigt te leiden) tot criminaliteit, overlast of verdere teloorgang',
    voldaan: domains.length >= 2 && harm.length > 0,
    redenen: [
      `${domains.length} leefgebied(en): ${domains.join(', ') || 'geen'}`,
      harm.length > 0
        ? `signalen van criminaliteit/overlast: ${[...new Set(harm)].join(', ')}`
        : 'geen signaal van criminaliteit of overlast',
    ],
  };
  const dwang = [...new Set(f.partnerSoorten.filter((s) => DWANG.includes(s)))];
  const drang = [...new Set(f.partnerSoorten.filter((s) => DRANG.includes(s)))];
  const b: Criterium = {
    criterium: 'B',
    omschrijving: 'Samenwerking tussen meerdere ketens nodig, minstens dwang en drang/zorg',
    voldaan: dwang.length > 0 && drang.length > 0,
    redenen: [`dwangketen: ${dwang.join(', ') || 'geen partner'}`, `drang/zorg: ${drang.join(', ') || 'geen partner'}`],
  };
  const systemSignals = [
    ...f.categorieen.filter((c) => SYSTEM.includes(c)),
    ...f.leefgebieden.filter((l) => l === 'relaties-partner-gezin-familie'),
  ];
  const c: Criterium = {
    criterium: 'C',
    omschrijving: 'De problematiek raakt het gezinssysteem of de directe sociale omgeving, of wordt erdoor beïnvloed',
    voldaan: f.soort === 'systeem' || f.relaties > 0 || f.betrokkenen > 1 || systemSignals.length > 0,
    redenen: [
      `soort ${f.soort}, ${f.betrokkenen} betrokkene(n), ${f.relaties} systeemrelatie(s)`,
      ...(systemSignals.length > 0 ? [`gegevens over het systeem: ${[...new Set(systemSignals)].join(', ')}`] : []),
    ],
  };
  const areaSignals = f.signalen.filter((s) => ['overlast', 'verloedering', 'criminaliteit'].includes(s));
  const d: Criterium = {
    criterium: 'D',
    omschrijving: 'Ernstige lokale of gebiedsgebonden veiligheidsproblematiek die een ketenoverstijgende aanpak vraagt',
    voldaan: f.soort === 'gebied' && areaSignals.length > 0,
    redenen: [
      f.soort === 'gebied'
        ? `gebiedsaanmelding, signalen: ${areaSignals.join(', ') || 'geen'}`
        : 'geen gebiedsaanmelding',
    ],
  };
  const voorstel: Voorstel =
    (a.voldaan && b.voldaan && c.voldaan) || d.voldaan
      ? 'procesregie'
      : a.voldaan && b.voldaan
        ? 'ondersteunen-aanmelder'
        : 'terugleggen-met-advies';
  return { criteria: [a, b, c, d], voorstel };
}
