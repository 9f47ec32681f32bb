import { callerOf } from '../../http/caller-of.js';
import { eigenKennisgevingen } from '../../rechten/uitvoering/eigen-kennisgevingen.js';
import type { Operation } from '../operation.js';
import { privacyOfficer } from '../roles.js';

/** The caller's own signed notices. */
export const listKennisgevingen: Operation<'listKennisgevingen'> = {
  roles: privacyOfficer,
  async handle({ caller }, { useCases }) {
    return { status: 200, body: { kennisgevingen: await eigenKennisgevingen(useCases, callerOf(caller)) } };
  },
};
