import { eersteWerkdagVanaf } from './feestdagen.js';
import { type Datum, plusMaanden, plusWeken } from './kalender.js';
import { type Regime, type Termijnregel, type VerzoekSoort, termijnen } from './regimes.js';

export interface RegimeTermijn {
  regime: Regime;
  uiterlijk: Datum;
  artikel: string;
  /** How many years back the answer reports disclosures to recipients (Wpg art. 25). */
  terugkijkperiode?: { jaren: number; artikel: string };
}

export interface Termijnen {
  ontvangen: Datum;
  /** The earliest deadline of all regimes: it governs the whole request. */
  uiterlijk: Datum;
  bepalendRegime: Regime;
  perRegime: RegimeTermijn[];
}

export interface TermijnInput {
  /** The Amsterdam calendar date the request reached the organisation. */
  ontvangen: Datum;
  soort: VerzoekSoort;
  /** Regimes of the source partners whose items concern the person; none: the ZVH's own, the AVG. */
  regimes: readonly Regime[];
  /** Months of extension granted (AVG art. 12 lid 3); only regimes that allow one are extended. */
  verlengingMaanden?: number;
  /** Days a royal decree equated with holidays (Algemene termijnenwet art. 3 lid 3). */
  extraFeestdagen?: ReadonlySet<Datum>;
}

/** The last day of one rule's term, after any extension, moved off weekends and holidays. */
export function einde(regel: Termijnregel, ontvangen: Datum, verlengingMaanden = 0, extra?: ReadonlySet<Datum>): Datum {
  const kaal =
    'maanden' in regel.periode
      ? plusMaanden(ontvangen, regel.periode.maanden + (regel.verlenging ? verlengingMaanden : 0))
      : plusWeken(ontvangen, regel.periode.weken);
  return eersteWerkdagVanaf(kaal, extra);
}

/**
 * The deadlines of a request per regime and the one that governs (the earliest; on a tie the first regime
 * in the input's order). Pure: the same input always gives the same dates.
 */
export function berekenTermijnen(input: TermijnInput): Termijnen {
  const gekozen: Regime[] = input.regimes.length > 0 ? [...new Set(input.regimes)] : ['AVG'];
  const perRegime = gekozen.map((regime): RegimeTermijn => {
    const regel = termijnen[regime][input.soort];
    return {
      regime,
      uiterlijk: einde(regel, input.ontvangen, input.verlengingMaanden, input.extraFeestdagen),
      artikel: regel.artikel,
      ...(regel.terugkijkperiode ? { terugkijkperiode: regel.terugkijkperiode } : {}),
    };
  });
  const bepalend = perRegime.reduce((a, b) => (b.uiterlijk < a.uiterlijk ? b : a));
  return { ontvangen: input.ontvangen, uiterlijk: bepalend.uiterlijk, bepalendRegime: bepalend.regime, perRegime };
}
