import { callerOf } from '../../http/caller-of.js';
import { inzagerapportVanVerzoek } from '../../rechten/verzoeken/inzagerapport-van-verzoek.js';
import type { Operation } from '../operation.js';
import { zvhPrivacyOfficer } from '../roles.js';

/** The access report answering an inzage request, JSON or printable HTML by Accept; logged before it leaves. */
export const getVerzoekInzagerapport: Operation<'getVerzoekInzagerapport'> = {
  roles: zvhPrivacyOfficer,
  async handle({ params, query, caller, ctx, raw }, { useCases, ledger, integrity, signer }) {
    const formaat = raw.accepts(['application/json', 'text/html']) === 'text/html' ? 'html' : 'json';
    const deps = { ...useCases, ledger, checkpoints: integrity, verifierKey: signer.verifierKey() };
    const disclosure = await inzagerapportVanVerzoek(deps, callerOf(caller), params.verzoekId, {
      voor: query?.voor ?? 'betrokkene',
      formaat,
      traceId: ctx.traceId,
    });
    return formaat === 'html' ? { status: 200, disclosure, as: 'html' } : { status: 200, disclosure };
  },
};
