import { callerOf } from '../../http/caller-of.js';
import { hefBeperkingVanVerzoekOp } from '../../rechten/verzoeken/hef-beperking-op.js';
import type { Operation } from '../operation.js';
import { zvhPrivacyOfficer } from '../roles.js';

/** Lifts a restriction or objection the request recorded, with a ground. */
export const liftVerzoekBeperking: Operation<'liftVerzoekBeperking'> = {
  roles: zvhPrivacyOfficer,
  async handle({ params, body, caller }, { useCases }) {
    return { status: 200, body: await hefBeperkingVanVerzoekOp(useCases, callerOf(caller), params.verzoekId, body) };
  },
};
