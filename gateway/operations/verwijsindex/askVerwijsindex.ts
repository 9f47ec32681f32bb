import { callerOf } from '../../http/caller-of.js';
import { askVerwijsindex as ask } from '../../disclosure/verwijsindex.js';
import type { Operation } from '../operation.js';

/** "Which partners know this person?" — names and contacts only; logged before it leaves. */
export const askVerwijsindex: Operation<'askVerwijsindex'> = {
  async handle({ body, caller, ctx }, { useCases }) {
    return { status: 200, disclosure: await ask(useCases, callerOf(caller), body.bsn, body.doel, ctx.traceId) };
  },
};
