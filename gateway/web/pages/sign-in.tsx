import type { AuthenticationResponseJSON } from '@simplewebauthn/server';
import { authenticate, authenticationOptions } from '../accounts/passkeys.js';
import { startSession } from '../session.js';
import type { PageRequest, WebPage } from '../web-page.js';

const passkeyDeps = ({ deps }: Pick<PageRequest, 'deps'>) => ({ ...deps.ops.useCases, origin: deps.config.web.origin });

/** The sign-in page: a passkey (script needed: WebAuthn is a browser interface) or the organisation's OIDC. */
export const signInPage: WebPage = {
  method: 'GET',
  path: '/inloggen',
  access: 'public',
  async handle({ deps }) {
    return {
      title: 'Inloggen',
      scripts: ['/assets/passkey.js'],
      body: (
        <>
          <p class="utrecht-paragraph">Log in met de passkey die u bij uw uitnodiging heeft gemaakt.</p>
          <p class="utrecht-paragraph">
            <button
              class="utrecht-button utrecht-button--primary-action"
              type="button"
              data-passkey="inloggen"
              data-opties="/inloggen/passkey/opties"
              data-verzend="/inloggen/passkey"
            >
              Inloggen met passkey
            </button>
          </p>
          <div id="passkey-melding" role="status" aria-live="polite" />
          <noscript>
            <p class="utrecht-paragraph">Voor inloggen met een passkey moet JavaScript aan staan.</p>
          </noscript>
          {deps.config.web.oidc && (
            <p class="utrecht-paragraph">
              <a class="utrecht-link" href="/inloggen/oidc">
                Inloggen via uw organisatie
              </a>
            </p>
          )}
        </>
      ),
    };
  },
};

export const passkeySignInOptions: WebPage = {
  method: 'POST',
  path: '/inloggen/passkey/opties',
  access: 'public',
  async handle(r) {
    return { json: await authenticationOptions(passkeyDeps(r)) };
  },
};

export const passkeySignIn: WebPage = {
  method: 'POST',
  path: '/inloggen/passkey',
  access: 'public',
  async handle(r) {
    const { challengeId, response } = r.form as { challengeId?: unknown; response?: unknown };
    const medewerkerId = await authenticate(passkeyDeps(r), {
      challengeId: String(challengeId),
      response: response as AuthenticationResponseJSON,
    });
    await startSession(r.req, r.res, r.deps, medewerkerId);
    return { json: { ga: '/' } };
  },
};
