/** The states of a request and which transitions each allows. */
export const verzoekStatussen = [
  'ontvangen',
  'in-behandeling',
  'verlengd',
  'afgehandeld',
  'geweigerd',
  'ingetrokken',
] as const;
export type VerzoekStatus = (typeof verzoekStatussen)[number];

const overgangen: Readonly<Record<VerzoekStatus, readonly VerzoekStatus[]>> = {
  ontvangen: ['in-behandeling', 'verlengd', 'afgehandeld', 'geweigerd', 'ingetrokken'],
  'in-behandeling': ['verlengd', 'afgehandeld', 'geweigerd', 'ingetrokken'],
  verlengd: ['afgehandeld', 'geweigerd', 'ingetrokken'],
  afgehandeld: [],
  geweigerd: [],
  ingetrokken: [],
};

export function toegestaneOvergangen(van: string): readonly VerzoekStatus[] {
  return overgangen[van as VerzoekStatus] ?? [];
}

export function isAfgesloten(status: string): boolean {
  return toegestaneOvergangen(status).length === 0;
}
