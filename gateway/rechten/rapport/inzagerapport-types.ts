import type { components } from '../../../openapi/generated/knooppunt.js';

/** The access report as the contract defines it (`Inzagerapport`). */
export type Inzagerapport = components['schemas']['Inzagerapport'];
export type InzageBron = components['schemas']['InzageBron'];
export type InzageVerstrekking = components['schemas']['InzageVerstrekking'];
export type InzageLogbewijs = components['schemas']['InzageLogbewijs'];

/** One withheld item as the request records it (one type for the request and the report). */
export type { Weglating } from '../verzoeken/weglatingen-van.js';

/** Whose copy: the person's, or the privacy officer's (which shows everything withheld, with its ground). */
export type RapportVoor = 'betrokkene' | 'functionaris';
