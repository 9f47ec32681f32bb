import { callerOf } from '../../http/caller-of.js';
import { beantwoordRectificatie } from '../../rechten/uitvoering/beantwoord-rectificatie.js';
import { legRectificatieAntwoordVast } from '../../rechten/verzoeken/rectificatie-antwoord.js';
import type { Operation } from '../operation.js';
import { privacyOfficer } from '../roles.js';

/**
 * The source partner accepts (corrected content) or rejects (reasons) a rectification; the request's
 * history gets the outcome and, when accepted, the partners that received the item are told.
 */
export const answerRectificatie: Operation<'answerRectificatie'> = {
  roles: privacyOfficer,
  async handle({ params, body, caller }, { useCases, identity, ledger }) {
    const who = callerOf(caller);
    const antwoord = await beantwoordRectificatie(useCases, who, params.rectificatieId, body);
    await legRectificatieAntwoordVast({ ...useCases, keys: identity.keys, ledger }, who, antwoord);
    return { status: 200, body: antwoord };
  },
};
