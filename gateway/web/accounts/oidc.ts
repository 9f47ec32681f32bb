import * as client from 'openid-client';
import { DomainError } from '../../errors/domain-error.js';
import type { UseCaseDeps } from '../../use-case-deps.js';

export interface OidcSettings {
  issuer: string;
  clientId: string;
  clientSecret?: string;
}

type Deps = Pick<UseCaseDeps, 'store' | 'clock'> & { origin: string };

const FLOW_TTL_MS = 10 * 60_000;
const refused = () =>
  new DomainError('unauthenticated', 'Inloggen via uw organisatie lukte niet. Probeer het opnieuw.');

/** Plain HTTP only to a provider on this machine (development and tests); anything else must be HTTPS. */
const isLoopback = (url: URL) => url.protocol === 'http:' && ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);

const discovered = new Map<string, Promise<client.Configuration>>();

/** The provider's configuration, discovered once per issuer and client. */
function configurationOf(s: OidcSettings): Promise<client.Configuration> {
  const key = `${s.issuer} ${s.clientId}`;
  let found = discovered.get(key);
  if (!found) {
    const issuer = new URL(s.issuer);
    found = client.discovery(
      issuer,
      s.clientId,
      s.clientSecret,
      s.clientSecret ? client.ClientSecretPost(s.clientSecret) : client.None(),
      isLoopback(issuer) ? { execute: [client.allowInsecureRequests] } : undefined,
    );
    found.catch(() => discovered.delete(key));
    discovered.set(key, found);
  }
  return found;
}

export const callbackUrl = (origin: string) => `${origin}/inloggen/oidc/terug`;

/**
 * Starts an authorization-code flow with PKCE, state and nonce. The verifier and nonce stay on the
 * server (a single-use challenge keyed by the state); the state also goes into a cookie, so only the
 * browser that started the flow can finish it.
 */
export async function startOidc(deps: Deps, s: OidcSettings): Promise<{ url: string; state: string }> {
  const config = await configurationOf(s);
  const verifier = client.randomPKCECodeVerifier();
  const state = client.randomState();
  const nonce = client.randomNonce();
  await deps.store.medewerkers.putChallenge({
    id: state,
    doel: 'oidc',
    waarde: verifier,
    gegevens: nonce,
    verlooptOp: new Date(deps.clock.now().getTime() + FLOW_TTL_MS),
  });
  const url = client.buildAuthorizationUrl(config, {
    redirect_uri: callbackUrl(deps.origin),
    scope: 'openid',
    code_challenge: await client.calculatePKCECodeChallenge(verifier),
    code_challenge_method: 'S256',
    state,
    nonce,
  });
  return { url: url.href, state };
}

/** Finishes the flow: checks state, nonce, PKCE and the ID token, and maps its `sub` to an employee. */
export async function finishOidc(deps: Deps, s: OidcSettings, currentUrl: URL, cookieState: string | undefined) {
  const state = currentUrl.searchParams.get('state');
  if (!state || !cookieState || state !== cookieState) throw refused();
  const flow = await deps.store.medewerkers.takeChallenge(state, 'oidc', deps.clock.now());
  if (!flow) throw refused();
  const config = await configurationOf(s);
  const tokens = await client
    .authorizationCodeGrant(config, currentUrl, {
      pkceCodeVerifier: flow.waarde,
      expectedState: state,
      expectedNonce: flow.gegevens,
      idTokenExpected: true,
    })
    .catch(() => undefined);
  const sub = tokens?.claims()?.sub;
  if (!sub) throw refused();
  const medewerker = await deps.store.medewerkers.byOidcSubject(sub);
  if (!medewerker || medewerker.status !== 'actief')
    throw new DomainError('forbidden', 'U bent bij uw organisatie ingelogd, maar heeft geen toegang tot Knooppunt.');
  return medewerker.id;
}
