import { callerOf } from '../../http/caller-of.js';
import type { MeldingSoort } from '../../meldingen/meldingen.js';
import { saveAbonnement } from '../../meldingen/webhook-beheer.js';
import type { Operation } from '../operation.js';

/** A partner registers its own endpoint (never another partner's). */
export const putWebhook: Operation<'putWebhook'> = {
  async handle({ body, caller }, { useCases }) {
    const saved = await saveAbonnement(useCases, callerOf(caller), {
      url: body.url,
      soorten: body.soorten as MeldingSoort[],
    });
    return { status: 200, body: saved };
  },
};
