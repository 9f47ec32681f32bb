import { callerOf } from '../../http/caller-of.js';
import { openRectificaties } from '../../rechten/uitvoering/open-rectificaties.js';
import type { Operation } from '../operation.js';
import { privacyOfficer } from '../roles.js';

/** The source partner's open rectifications, with the wished content; logged before it leaves. */
export const listRectificaties: Operation<'listRectificaties'> = {
  roles: privacyOfficer,
  async handle({ caller, ctx }, { useCases }) {
    return { status: 200, disclosure: await openRectificaties(useCases, callerOf(caller), ctx.traceId) };
  },
};
