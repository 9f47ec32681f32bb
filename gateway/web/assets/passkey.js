// Passkey enrolment and sign-in (WebAuthn). Loaded as a module file: the CSP allows no inline script.
import { startAuthentication, startRegistration } from '/assets/vendor/simplewebauthn/index.js';

const say = (text) => {
  const box = document.getElementById('passkey-melding');
  if (box) box.textContent = text;
};

async function postJson(url, body) {
  const res = await fetch(url, {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(String(res.status));
  return res.json();
}

async function run(button) {
  const mode = button.dataset.passkey;
  button.disabled = true;
  say(mode === 'registreren' ? 'Passkey wordt aangemaakt…' : 'Bezig met inloggen…');
  try {
    const { options, challengeId } = await postJson(button.dataset.opties, {});
    const response =
      mode === 'registreren'
        ? await startRegistration({ optionsJSON: options })
        : await startAuthentication({ optionsJSON: options });
    const { ga } = await postJson(button.dataset.verzend, { challengeId, response });
    say('Gelukt. U wordt doorgestuurd.');
    window.location.assign(ga);
  } catch {
    say(
      mode === 'registreren'
        ? 'Het aanmaken van de passkey lukte niet. De link is misschien al gebruikt of verlopen.'
        : 'Inloggen lukte niet. Probeer het opnieuw.',
    );
    button.disabled = false;
  }
}

for (const button of document.querySelectorAll('button[data-passkey]')) {
  button.addEventListener('click', () => run(button));
}
