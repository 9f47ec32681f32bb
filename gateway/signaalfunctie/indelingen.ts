import type { CasusKenmerken } from '../../adapters/store/signaal-repository.js';
import { leefgebieden } from '../../policies/taxonomy/leefgebieden.js';

export const indelingen = ['triage-uitkomst', 'leefgebied', 'partnersoort', 'duur', 'heraanmelding'] as const;
export type Indeling = (typeof indelingen)[number];

/** How one indeling sorts a casus into rows; `enkelvoudig` when each casus lands in exactly one. */
interface Sortering {
  rijen: readonly string[] | 'gezien';
  enkelvoudig: boolean;
  van(c: CasusKenmerken, peildatum: Date): string[];
}

const DAG = 24 * 60 * 60 * 1000;
const DUUR = [
  { naam: 'tot-1-maand', dagen: 31 },
  { naam: '1-3-maanden', dagen: 92 },
  { naam: '3-6-maanden', dagen: 183 },
  { naam: '6-12-maanden', dagen: 366 },
  { naam: 'langer-dan-12-maanden', dagen: Infinity },
] as const;

function parseList(json: string): string[] {
  const v = JSON.parse(json) as unknown;
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
}

function uitkomst(triage: string | null): string {
  if (!triage) return 'geen-besluit';
  const v = (JSON.parse(triage) as { uitkomst?: unknown }).uitkomst;
  return typeof v === 'string' ? v : 'geen-besluit';
}

/** The row codes per indeling. Only fixed codes and partner soorten: never a name, id or free text. */
export const sorteringen: Record<Indeling, Sortering> = {
  'triage-uitkomst': {
    rijen: ['terugleggen-met-advies', 'ondersteunen-aanmelder', 'procesregie', 'geen-besluit'],
    enkelvoudig: true,
    van: (c) => [uitkomst(c.triage)],
  },
  leefgebied: {
    rijen: leefgebieden,
    enkelvoudig: false,
    van: (c) => parseList(c.leefgebieden),
  },
  partnersoort: { rijen: 'gezien', enkelvoudig: false, van: (c) => c.deelnemerSoorten },
  duur: {
    rijen: [...DUUR.map((d) => d.naam), 'lopend'],
    enkelvoudig: true,
    van: (c, peildatum) => {
      if (!c.afgeslotenOp || c.afgeslotenOp > peildatum) return ['lopend'];
      const dagen = (c.afgeslotenOp.getTime() - c.aangemaaktOp.getTime()) / DAG;
      return [DUUR.find((d) => dagen < d.dagen)!.naam];
    },
  },
  heraanmelding: {
    rijen: ['eerste-aanmelding', 'heraanmelding'],
    enkelvoudig: true,
    van: (c) => [c.heraanmelding ? 'heraanmelding' : 'eerste-aanmelding'],
  },
};
