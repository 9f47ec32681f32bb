import { callerOf } from '../../http/caller-of.js';
import { bevestigKennisgeving } from '../../rechten/uitvoering/eigen-kennisgevingen.js';
import type { Operation } from '../operation.js';
import { privacyOfficer } from '../roles.js';

/** Acknowledges one of the caller's own notices. */
export const acknowledgeKennisgeving: Operation<'acknowledgeKennisgeving'> = {
  roles: privacyOfficer,
  async handle({ params, caller }, { useCases }) {
    return { status: 200, body: await bevestigKennisgeving(useCases, callerOf(caller), params.kennisgevingId) };
  },
};
