import type { components } from '../../../openapi/generated/knooppunt.js';

/** The access report as the contract defines it (`Inzagerapport`). */
export type Inzagerapport = components['schemas']['Inzagerapport'];
export type InzageBron = components['schemas']['InzageBron'];
export type InzageVerstrekking = components['schemas']['InzageVerstrekking'];
export type InzageLogbewijs = components['schemas']['InzageLogbewijs'];

/** A withheld item, as the verzoeken part hands it over (`weglatingenVan`). */
export interface Weglating {
  itemId: string;
  grond: string;
  label: string;
  artikel: string;
  /** Whether the copy may say that something was withheld, and why. */
  vermelden: boolean;
  toelichting?: string;
}

/** Whose copy: the person's, or the privacy officer's (which shows everything withheld, with its ground). */
export type RapportVoor = 'betrokkene' | 'functionaris';
