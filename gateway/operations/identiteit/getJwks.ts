import type { JWK } from 'jose';
import type { Operation } from '../operation.js';

const hasKeyType = (k: JWK): k is JWK & { kty: string } => typeof k.kty === 'string';

/** The gateway's public keys, to verify the access tokens it issues. */
export const getJwks: Operation<'getJwks'> = {
  async handle(_request, { identity }) {
    return { status: 200, body: { keys: identity.keys.jwks().keys.filter(hasKeyType) } };
  },
};
