import type { RegistrationResponseJSON } from '@simplewebauthn/server';
import { registerPasskey, registrationOptions } from '../accounts/passkeys.js';
import { startSession } from '../session.js';
import type { PageRequest, WebPage } from '../web-page.js';

const passkeyDeps = ({ deps }: Pick<PageRequest, 'deps'>) => ({ ...deps.ops.useCases, origin: deps.config.web.origin });

/** The page an invitation link opens: make a passkey, which also signs the employee in. */
export const enrolPage: WebPage = {
  method: 'GET',
  path: '/uitnodiging/:token',
  access: 'public',
  async handle({ params }) {
    const base = `/uitnodiging/${encodeURIComponent(params.token ?? '')}`;
    return {
      title: 'Passkey aanmaken',
      scripts: ['/assets/passkey.js'],
      body: (
        <>
          <p class="utrecht-paragraph">
            U bent uitgenodigd voor Knooppunt. Maak een passkey aan: daarmee logt u voortaan in, zonder wachtwoord. Uw
            computer of telefoon vraagt om uw vingerafdruk, gezicht of pincode.
          </p>
          <p class="utrecht-paragraph">De link werkt één keer en verloopt na drie dagen.</p>
          <p class="utrecht-paragraph">
            <button
              class="utrecht-button utrecht-button--primary-action"
              type="button"
              data-passkey="registreren"
              data-opties={`${base}/opties`}
              data-verzend={base}
            >
              Passkey aanmaken
            </button>
          </p>
          <div id="passkey-melding" role="status" aria-live="polite" />
          <noscript>
            <p class="utrecht-paragraph">Voor het aanmaken van een passkey moet JavaScript aan staan.</p>
          </noscript>
        </>
      ),
    };
  },
};

export const enrolOptions: WebPage = {
  method: 'POST',
  path: '/uitnodiging/:token/opties',
  access: 'public',
  async handle(r) {
    return { json: await registrationOptions(passkeyDeps(r), r.params.token ?? '') };
  },
};

export const enrol: WebPage = {
  method: 'POST',
  path: '/uitnodiging/:token',
  access: 'public',
  async handle(r) {
    const { challengeId, response } = r.form as { challengeId?: unknown; response?: unknown };
    const medewerkerId = await registerPasskey(passkeyDeps(r), {
      invitationToken: r.params.token ?? '',
      challengeId: String(challengeId),
      response: response as RegistrationResponseJSON,
    });
    await startSession(r.req, r.res, r.deps, medewerkerId);
    return { json: { ga: '/' } };
  },
};
