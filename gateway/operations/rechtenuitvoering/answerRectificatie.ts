import { callerOf } from '../../http/caller-of.js';
import { beantwoordRectificatie } from '../../rechten/uitvoering/beantwoord-rectificatie.js';
import type { Operation } from '../operation.js';
import { privacyOfficer } from '../roles.js';

/** The source partner accepts (corrected content) or rejects (reasons) a rectification. */
export const answerRectificatie: Operation<'answerRectificatie'> = {
  roles: privacyOfficer,
  async handle({ params, body, caller }, { useCases }) {
    return {
      status: 200,
      body: await beantwoordRectificatie(useCases, callerOf(caller), params.rectificatieId, body),
    };
  },
};
