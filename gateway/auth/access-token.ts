import { randomUUID } from 'node:crypto';
import { errors, jwtVerify, SignJWT } from 'jose';
import type { GatewayKeys } from '../../adapters/crypto/gateway-keys.js';
import type { Clock } from '../clock.js';
import { type Actor, parseActorClaim, systemActor } from './actor.js';
import { AuthFailure } from './auth-failure.js';

export interface AccessTokenClaims {
  partnerId: string;
  actor: Actor;
  /** RFC 8705: base64url SHA-256 of the client certificate the token is bound to. */
  certificateThumbprint?: string;
  /**
   * Issued without a client certificate (the partner's registration allows it): a plain bearer token,
   * marked with UNBOUND_CLAIM. Accepted only while that permission stands.
   */
  unbound?: boolean;
}

/** Marks a token issued without a certificate; a token with neither this nor `cnf` is refused. */
export const UNBOUND_CLAIM = 'knp_zonder_certificaat';

/** Tokens larger than this are refused unread: no legitimate token of ours comes near it. */
export const MAX_TOKEN_BYTES = 8 * 1024;

/** Issues a short-lived access token signed with the gateway's current key (EdDSA). */
export async function issueAccessToken(
  keys: GatewayKeys,
  issuer: string,
  clock: Clock,
  ttlSeconds: number,
  c: AccessTokenClaims,
): Promise<string> {
  const { kid, key } = keys.signing();
  const now = Math.floor(clock.now().getTime() / 1000);
  return new SignJWT({
    ...(c.actor.rol === 'systeem' ? {} : { act: { sub: c.actor.id, rol: c.actor.rol } }),
    ...(c.certificateThumbprint ? { cnf: { 'x5t#S256': c.certificateThumbprint } } : { [UNBOUND_CLAIM]: true }),
  })
    .setProtectedHeader({ alg: 'EdDSA', kid, typ: 'at+jwt' })
    .setIssuer(issuer)
    .setAudience(issuer)
    .setSubject(c.partnerId)
    .setIssuedAt(now)
    .setExpirationTime(now + ttlSeconds)
    .setJti(randomUUID())
    .sign(key);
}

/**
 * Verifies one of our own access tokens: EdDSA only (no `none`, no HMAC: algorithm confusion is
 * impossible), our issuer and audience, not expired, signed by a key we publish.
 */
export async function verifyAccessToken(
  token: string,
  keys: GatewayKeys,
  issuer: string,
  clock: Clock,
): Promise<AccessTokenClaims> {
  if (Buffer.byteLength(token) > MAX_TOKEN_BYTES) throw new AuthFailure('token-too-large');
  try {
    const { payload } = await jwtVerify(
      token,
      (header) => {
        const key = header.kid ? keys.verificationKey(header.kid) : undefined;
        if (!key) throw new AuthFailure('token-invalid');
        return key;
      },
      {
        algorithms: ['EdDSA'],
        issuer,
        audience: issuer,
        typ: 'at+jwt',
        currentDate: clock.now(),
        clockTolerance: 5,
        requiredClaims: ['sub', 'exp', 'jti'],
      },
    );
    const cnf = payload.cnf as { 'x5t#S256'?: unknown } | undefined;
    const thumbprint = cnf?.['x5t#S256'];
    return {
      partnerId: payload.sub!,
      actor: parseActorClaim(payload.act) ?? systemActor,
      certificateThumbprint: typeof thumbprint === 'string' ? thumbprint : undefined,
      unbound: payload[UNBOUND_CLAIM] === true,
    };
  } catch (err) {
    if (err instanceof AuthFailure) throw err;
    if (err instanceof errors.JWTExpired) throw new AuthFailure('token-expired');
    throw new AuthFailure('token-invalid');
  }
}
