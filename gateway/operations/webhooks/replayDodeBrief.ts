import { callerOf } from '../../http/caller-of.js';
import { replayDodeBrief as replay } from '../../meldingen/webhook-beheer.js';
import type { Operation } from '../operation.js';
import { zvhBeheerder } from '../roles.js';

/** A beheerder sends a dead letter again (after the partner fixed its endpoint). */
export const replayDodeBrief: Operation<'replayDodeBrief'> = {
  roles: zvhBeheerder,
  async handle({ params, caller }, { useCases }) {
    await replay(useCases, callerOf(caller), params.meldingId);
    return { status: 202 };
  },
};
