import type { Fase } from '../../policies/taxonomy/fasen.js';

/**
 * The statuses of a casus. The three triage outcomes keep the names `recordTriageBesluit` always wrote
 * (teruggelegd = terugleggen met advies, ondersteuning = ondersteuning van de aanmelder, procesregie).
 */
export const statussen = [
  'aangemeld',
  'triage',
  'teruggelegd',
  'ondersteuning',
  'procesregie',
  'casusoverleg',
  'plan-van-aanpak',
  'monitoring',
  'evaluatie',
  'afgesloten',
  'heropend',
] as const;
export type Status = (typeof statussen)[number];

/** The triage outcomes: reached only by recording a triage decision, never by a plain step. */
export const triageUitkomsten: readonly Status[] = ['teruggelegd', 'ondersteuning', 'procesregie'];

interface Stap {
  naar: Status;
  /** Only for a code-rood casus: acute, straight to an overleg the same day. */
  alleenCodeRood?: true;
}

/**
 * The one transition table. A revised triage decision may move between the three outcomes. A reopened
 * casus goes back to triage when the situation is new, or to monitoring when the old plan still holds.
 */
export const overgangen: Readonly<Record<Status, readonly Stap[]>> = {
  aangemeld: [{ naar: 'triage' }, { naar: 'casusoverleg', alleenCodeRood: true }],
  triage: [
    { naar: 'teruggelegd' },
    { naar: 'ondersteuning' },
    { naar: 'procesregie' },
    { naar: 'casusoverleg', alleenCodeRood: true },
  ],
  teruggelegd: [{ naar: 'ondersteuning' }, { naar: 'procesregie' }, { naar: 'afgesloten' }],
  ondersteuning: [{ naar: 'teruggelegd' }, { naar: 'procesregie' }, { naar: 'afgesloten' }],
  procesregie: [{ naar: 'teruggelegd' }, { naar: 'ondersteuning' }, { naar: 'casusoverleg' }],
  casusoverleg: [{ naar: 'plan-van-aanpak' }],
  'plan-van-aanpak': [{ naar: 'monitoring' }, { naar: 'casusoverleg' }],
  monitoring: [{ naar: 'evaluatie' }, { naar: 'casusoverleg' }],
  evaluatie: [{ naar: 'monitoring' }, { naar: 'plan-van-aanpak' }, { naar: 'afgesloten' }],
  afgesloten: [{ naar: 'heropend' }],
  heropend: [{ naar: 'triage' }, { naar: 'monitoring' }],
};

/** The covenant's phase for each status (the covenant knows no evaluatie or heropend phase). */
export const faseVan: Readonly<Record<Status, Fase>> = {
  aangemeld: 'aanmelding',
  triage: 'triage',
  teruggelegd: 'triage',
  ondersteuning: 'triage',
  procesregie: 'casusoverleg',
  casusoverleg: 'casusoverleg',
  'plan-van-aanpak': 'plan-van-aanpak',
  monitoring: 'monitoring',
  evaluatie: 'monitoring',
  afgesloten: 'afgesloten',
  heropend: 'triage',
};

export const isStatus = (s: string): s is Status => (statussen as readonly string[]).includes(s);

/** Where a casus in `van` may go next (code rood opens the acute shortcut). */
export function toegestaan(van: Status, codeRood: boolean): Status[] {
  return overgangen[van].filter((s) => !s.alleenCodeRood || codeRood).map((s) => s.naar);
}
