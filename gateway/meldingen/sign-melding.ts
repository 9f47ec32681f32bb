import { FlattenedSign } from 'jose';
import type { GatewayKeys } from '../../adapters/crypto/gateway-keys.js';

/** The header that carries the detached JWS over the request body. */
export const SIGNATURE_HEADER = 'Knooppunt-Signature';

/**
 * A detached JWS (RFC 7515 appendix F: `header..signature`) over the exact body bytes, signed with the
 * gateway's current key (published at /jwks.json). The protected header names the key (`kid`), the
 * time (`iat`) and the event id (`jti`) so a receiver can reject stale or repeated deliveries.
 */
export async function signMelding(keys: GatewayKeys, body: Uint8Array, eventId: string, now: Date): Promise<string> {
  const { kid, key } = keys.signing();
  const jws = await new FlattenedSign(body)
    .setProtectedHeader({
      alg: 'EdDSA',
      kid,
      typ: 'knooppunt-melding+jws',
      iat: Math.floor(now.getTime() / 1000),
      jti: eventId,
    })
    .sign(key);
  return `${jws.protected}..${jws.signature}`;
}
