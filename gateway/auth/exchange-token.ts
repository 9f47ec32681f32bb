import type { Actor } from './actor.js';
import { roleAllowedFor } from './actor.js';
import { issueAccessToken } from './access-token.js';
import { AuthFailure } from './auth-failure.js';
import { type IdentifyDeps, partnerOfCertificate } from './identify-caller.js';
import { verifyClientAssertion } from './verify-client-assertion.js';

export const CLIENT_ASSERTION_TYPE = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';

export interface TokenRequest {
  grant_type?: unknown;
  client_assertion_type?: unknown;
  client_assertion?: unknown;
}

export interface TokenResponse {
  access_token: string;
  token_type: 'Bearer';
  expires_in: number;
}

/**
 * RFC 7523 client-credentials exchange: a partner-signed assertion (naming the actor) for a short-lived
 * gateway token. The partner's client certificate is required: its partner must be the assertion's, and
 * the token is bound to it (RFC 8705), so a stolen token is useless without the certificate's private
 * key. Only a partner registered with `assertieZonderCertificaat` may exchange without one; its token is
 * then marked unbound (see `UNBOUND_CLAIM`).
 */
export async function exchangeToken(
  body: TokenRequest,
  certificateDer: Buffer | undefined,
  deps: IdentifyDeps & { audiences: string[]; clockSkewSeconds: number; ttlSeconds: number },
): Promise<{ response: TokenResponse; partnerId: string; actor: Actor }> {
  if (
    body.grant_type !== 'client_credentials' ||
    body.client_assertion_type !== CLIENT_ASSERTION_TYPE ||
    typeof body.client_assertion !== 'string'
  ) {
    throw new AuthFailure('assertion-invalid');
  }
  const fromCert = certificateDer ? await partnerOfCertificate(certificateDer, deps) : undefined;
  const assertion = await verifyClientAssertion(body.client_assertion, {
    partners: deps.partners,
    clock: deps.clock,
    audiences: deps.audiences,
    clockSkewSeconds: deps.clockSkewSeconds,
  });
  if (fromCert && fromCert.partner.id !== assertion.partnerId)
    throw new AuthFailure('token-partner-mismatch', fromCert.partner.id);
  const partner = fromCert?.partner ?? (await deps.partners.findById(assertion.partnerId));
  if (!partner) throw new AuthFailure('assertion-invalid');
  // Without a certificate the token would be a plain bearer token: only where the registration allows it.
  if (!fromCert && !partner.assertieZonderCertificaat)
    throw new AuthFailure('assertion-without-certificate', partner.id);
  if (partner.status !== 'actief') throw new AuthFailure('partner-suspended', partner.id, 'forbidden');
  if (!roleAllowedFor(partner.soort, assertion.actor.rol))
    throw new AuthFailure('role-not-allowed', partner.id, 'forbidden');
  const token = await issueAccessToken(deps.keys, deps.issuer, deps.clock, deps.ttlSeconds, {
    partnerId: partner.id,
    actor: assertion.actor,
    certificateThumbprint: fromCert?.certificate.thumbprintS256,
  });
  return {
    response: { access_token: token, token_type: 'Bearer', expires_in: deps.ttlSeconds },
    partnerId: partner.id,
    actor: assertion.actor,
  };
}
