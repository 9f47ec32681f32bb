import { callerOf } from '../../http/caller-of.js';
import { maakInzagerapport } from '../../rechten/rapport/maak-inzagerapport.js';
import type { Operation } from '../operation.js';
import { zvhPrivacyOfficer } from '../roles.js';

/** The access report about one person (BSN in the body), JSON or printable HTML by Accept; logged before it leaves. */
export const createInzagerapport: Operation<'createInzagerapport'> = {
  roles: zvhPrivacyOfficer,
  async handle({ body, caller, ctx, raw }, { useCases, ledger, integrity, signer }) {
    const formaat = raw.accepts(['application/json', 'text/html']) === 'text/html' ? 'html' : 'json';
    const deps = { ...useCases, ledger, checkpoints: integrity, verifierKey: signer.verifierKey() };
    const disclosure = await maakInzagerapport(deps, callerOf(caller), body, formaat, ctx.traceId);
    return formaat === 'html' ? { status: 200, disclosure, as: 'html' } : { status: 200, disclosure };
  },
};
