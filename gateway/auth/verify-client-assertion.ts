import { decodeJwt, decodeProtectedHeader, errors, importJWK, jwtVerify, type JWK } from 'jose';
import type { PartnerRepository } from '../../adapters/store/partner-repository.js';
import type { Clock } from '../clock.js';
import { type Actor, parseActorClaim, systemActor } from './actor.js';
import { AuthFailure } from './auth-failure.js';
import { MAX_TOKEN_BYTES } from './access-token.js';

/** Asymmetric algorithms only; `none` and the HMAC family are refused before any key is looked at. */
export const assertionAlgorithms = ['EdDSA', 'ES256', 'PS256', 'RS256'] as const;

/** An assertion may live at most this long (exp − iat), which bounds how long its jti must be remembered. */
const MAX_LIFETIME_SECONDS = 300;

/** How far ahead of our clock an assertion's `iat` may lie: never more than this, whatever the skew setting. */
const MAX_IAT_AHEAD_SECONDS = 60;

export interface VerifiedAssertion {
  partnerId: string;
  actor: Actor;
}

export interface AssertionContext {
  partners: PartnerRepository;
  clock: Clock;
  /** The audiences we accept: our issuer id and the token endpoint URL. */
  audiences: string[];
  clockSkewSeconds: number;
}

function unverifiedIssuer(assertion: string): string {
  try {
    const header = decodeProtectedHeader(assertion);
    if (!header.alg || !(assertionAlgorithms as readonly string[]).includes(header.alg))
      throw new AuthFailure('assertion-invalid');
    const iss = decodeJwt(assertion).iss;
    if (typeof iss !== 'string') throw new AuthFailure('assertion-invalid');
    return iss;
  } catch (err) {
    if (err instanceof AuthFailure) throw err;
    throw new AuthFailure('token-malformed');
  }
}

/**
 * Verifies an RFC 7523 client assertion (`private_key_jwt`): signed with one of the partner's registered
 * keys, iss = sub = partner id, our audience, within its lifetime (bounded skew), and a `jti` never seen
 * before. The actor travels in `act` ({sub: pseudonym, rol}).
 */
export async function verifyClientAssertion(assertion: string, ctx: AssertionContext): Promise<VerifiedAssertion> {
  if (Buffer.byteLength(assertion) > MAX_TOKEN_BYTES) throw new AuthFailure('token-too-large');
  const partnerId = unverifiedIssuer(assertion);
  const keys = (await ctx.partners.keys(partnerId)).filter((k) => !k.ingetrokkenOp);
  // Until the signature is verified the issuer is only a claim: refusals name it as such, never as the partner.
  if (keys.length === 0) throw AuthFailure.unverified('assertion-unknown-key', partnerId);
  let payload;
  try {
    ({ payload } = await jwtVerify(
      assertion,
      async (header) => {
        const stored =
          keys.find((k) => k.kid === header.kid) ?? (keys.length === 1 && !header.kid ? keys[0] : undefined);
        if (!stored) throw AuthFailure.unverified('assertion-unknown-key', partnerId);
        return importJWK(JSON.parse(stored.jwk) as JWK, header.alg);
      },
      {
        algorithms: [...assertionAlgorithms],
        issuer: partnerId,
        subject: partnerId,
        audience: ctx.audiences,
        currentDate: ctx.clock.now(),
        clockTolerance: ctx.clockSkewSeconds,
        requiredClaims: ['jti', 'exp', 'iat'],
      },
    ));
  } catch (err) {
    if (err instanceof AuthFailure) throw err;
    // jose checks the signature before the claims: only a claim failure comes from a genuine assertion
    // of this partner. Anything earlier (bad signature, algorithm, key) is unverified.
    if (!(err instanceof errors.JWTClaimValidationFailed)) throw AuthFailure.unverified('assertion-invalid', partnerId);
    throw new AuthFailure(err instanceof errors.JWTExpired ? 'token-expired' : 'assertion-invalid', partnerId);
  }
  const now = Math.floor(ctx.clock.now().getTime() / 1000);
  const iatAhead = Math.min(ctx.clockSkewSeconds, MAX_IAT_AHEAD_SECONDS);
  if (payload.iat! > now + iatAhead) throw new AuthFailure('assertion-from-the-future', partnerId);
  if (payload.exp! - payload.iat! > MAX_LIFETIME_SECONDS) throw new AuthFailure('assertion-too-long-lived', partnerId);
  let actor: Actor;
  try {
    actor = parseActorClaim(payload.act) ?? systemActor;
  } catch {
    throw new AuthFailure('assertion-invalid', partnerId);
  }
  const expiresAt = new Date((payload.exp! + ctx.clockSkewSeconds) * 1000);
  if (!(await ctx.partners.useJti(payload.jti!, partnerId, expiresAt, ctx.clock.now())))
    throw new AuthFailure('assertion-replayed', partnerId);
  return { partnerId, actor };
}
