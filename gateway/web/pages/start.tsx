import { CsrfField } from '../layout.js';
import type { SignedIn } from '../session.js';
import type { WebPage } from '../web-page.js';
import type { WebRol } from '../web-roles.js';

const tasks: Record<WebRol, { href: string; label: string; uitleg: string }[]> = {
  'privacy-officer': [
    { href: '/logboek', label: 'Verstrekkingslog doorzoeken', uitleg: 'Wie kreeg welke gegevens, waarom?' },
    {
      href: '/logboek/signalen',
      label: 'Signalen bekijken',
      uitleg: 'Opvallende patronen van de laatste 30 dagen.',
    },
  ],
  procesregisseur: [
    { href: '/mijn-casussen', label: 'Mijn casussen', uitleg: 'Casussen waarin u procesregisseur bent.' },
    {
      href: '/koppelvoorstellen-beoordelen',
      label: 'Koppelvoorstellen',
      uitleg: 'Beoordeel of twee personen dezelfde zijn.',
    },
  ],
  beheerder: [{ href: '/beheer/partners', label: 'Partners', uitleg: 'Partners, certificaten en sleutels.' }],
  ketenmanager: [{ href: '/mijn-casussen', label: 'Casussen', uitleg: 'Casussen waaraan uw organisatie deelneemt.' }],
  beleidsmedewerker: [],
};

function Taken({ user }: { user: SignedIn }) {
  const mine = tasks[user.rol];
  if (mine.length === 0)
    return <p class="utrecht-paragraph">Voor uw rol zijn er nog geen pagina's. Ze komen in een volgende versie.</p>;
  return (
    <ul class="kp-tasks">
      {mine.map((t) => (
        <li key={t.href}>
          <a class="utrecht-link" href={t.href}>
            {t.label}
          </a>
          <span> — {t.uitleg}</span>
        </li>
      ))}
    </ul>
  );
}

/** The start page: what this employee's role can do, and signing out everywhere. */
export const startPage: WebPage = {
  method: 'GET',
  path: '/',
  access: 'signed-in',
  async handle({ user }) {
    return {
      title: `Welkom, ${user.medewerker.pseudoniem}`,
      body: (
        <>
          <h2 class="utrecht-heading-2">Wat wilt u doen?</h2>
          <Taken user={user} />
          <h2 class="utrecht-heading-2">Sessies</h2>
          <p class="utrecht-paragraph">Bent u ergens anders nog ingelogd, bijvoorbeeld op een gedeelde computer?</p>
          <form method="post" action="/overal-uitloggen">
            <CsrfField user={user} />
            <button class="utrecht-button utrecht-button--secondary-action" type="submit">
              Overal uitloggen
            </button>
          </form>
        </>
      ),
    };
  },
};
