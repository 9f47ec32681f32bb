import { contractPath } from '../../../openapi/contract-url.js';
import { AuthFailure } from '../../auth/auth-failure.js';
import { clientCertificateOf } from '../../auth/client-certificate-source.js';
import { exchangeToken } from '../../auth/exchange-token.js';
import type { Operation } from '../operation.js';

/** A signed client assertion (over mTLS or not) for a short-lived access token naming the actor. */
export const createToken: Operation<'createToken'> = {
  async handle({ body, raw, ctx }, { identity, contract, events }) {
    // The issuer is this API's base URL; the token endpoint's own URL is an accepted audience too.
    const audiences = [identity.issuer, `${identity.issuer}${contractPath(contract, 'createToken')}`];
    try {
      const result = await exchangeToken(body, clientCertificateOf(raw, identity.certificates), {
        ...identity,
        audiences,
        ttlSeconds: identity.tokenTtlSeconds,
      });
      ctx.partnerId = result.partnerId;
      ctx.actor = result.actor;
      return { status: 200, body: result.response };
    } catch (err) {
      if (err instanceof AuthFailure) await events.refused(err, ctx);
      throw err;
    }
  },
};
