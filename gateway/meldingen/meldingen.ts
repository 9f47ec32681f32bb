import type { Repositories } from '../../adapters/store/repositories.js';

/** What a partner hears about: events on casussen it takes part in. Ids and codes only, never personal data. */
export type MeldingSoort =
  | 'uitnodiging'
  | 'deelname-beeindigd'
  | 'agenda'
  | 'afspraak'
  | 'interventie-bijna-verlopen'
  | 'interventie-verlopen'
  | 'escalatie'
  | 'kennisgeving';

export interface Melding {
  partnerId: string;
  soort: MeldingSoort;
  casusId?: string;
  /** Ids and codes only: a webhook that carried personal data would be a disclosure. */
  data: Record<string, string | number | boolean | null>;
}

/** The port use cases call; the outbox behind it delivers signed webhooks with retries. */
export interface Meldingen {
  /** Queues the event; pass the unit of work's repositories so it leaves only if the change commits. */
  plaats(melding: Melding, tx?: Repositories): Promise<void>;
}

/** For wiring where nothing is delivered (the CLI, tests of other use cases). */
export const geenMeldingen: Meldingen = { async plaats() {} };
