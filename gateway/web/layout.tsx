import type { ComponentChildren } from 'preact';
import type { SignedIn } from './session.js';
import { rolNamen, type WebRol } from './web-roles.js';

interface NavItem {
  href: string;
  label: string;
  rollen: readonly WebRol[];
}

/** The menu: each employee sees the parts of the application its role may use. */
const nav: NavItem[] = [
  { href: '/logboek', label: 'Verstrekkingslog', rollen: ['privacy-officer'] },
  { href: '/rechtenverzoeken', label: 'Verzoeken', rollen: ['privacy-officer'] },
  { href: '/logboek/signalen', label: 'Signalen', rollen: ['privacy-officer'] },
  { href: '/mijn-casussen', label: 'Mijn casussen', rollen: ['procesregisseur', 'ketenmanager'] },
  { href: '/mijn-casussen/signalen', label: 'Signalen casussen', rollen: ['procesregisseur'] },
  { href: '/koppelvoorstellen-beoordelen', label: 'Koppelvoorstellen', rollen: ['procesregisseur'] },
  { href: '/beheer/partners', label: 'Partners', rollen: ['beheerder'] },
  { href: '/beheer/dode-brieven', label: 'Dode brieven', rollen: ['beheerder'] },
  { href: '/convenant/versies', label: 'Convenantversies', rollen: ['beheerder', 'privacy-officer'] },
  { href: '/beleidscijfers', label: 'Signaalfunctie', rollen: ['beleidsmedewerker'] },
  { href: '/convenant/simuleren', label: 'Convenant', rollen: ['beheerder', 'privacy-officer', 'procesregisseur'] },
];

/** A hidden form field with the session's CSRF token: every form of a signed-in page carries it. */
export function CsrfField({ user }: { user: SignedIn }) {
  return <input type="hidden" name="_csrf" value={user.sessie.csrfToken} />;
}

/**
 * The page frame: skip link first, then header with the menu (a landmark each), the main content and
 * the footer. No inline script or style: the CSP forbids them; script files only add to what works without.
 */
export function Layout(props: { title: string; user?: SignedIn; children: ComponentChildren; scripts?: string[] }) {
  const { title, user } = props;
  return (
    <html lang="nl">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${title} — Knooppunt`}</title>
        <link rel="stylesheet" href="/assets/utrecht/index.css" />
        <link rel="stylesheet" href="/assets/knooppunt.css" />
        {(props.scripts ?? []).map((src) => (
          <script type="module" src={src} key={src} />
        ))}
      </head>
      <body class="utrecht-theme knooppunt-theme utrecht-document">
        <a class="utrecht-link skip-link" href="#inhoud">
          Ga direct naar de inhoud
        </a>
        <header class="kp-header">
          <p class="kp-brand">
            <a class="utrecht-link" href="/">
              Knooppunt
            </a>
          </p>
          {user && (
            <nav aria-label="Hoofdmenu">
              <ul class="kp-nav">
                <li>
                  <a class="utrecht-link" href="/">
                    Start
                  </a>
                </li>
                {nav
                  .filter((n) => n.rollen.includes(user.rol))
                  .map((n) => (
                    <li key={n.href}>
                      <a class="utrecht-link" href={n.href}>
                        {n.label}
                      </a>
                    </li>
                  ))}
              </ul>
            </nav>
          )}
          {user && (
            <div class="kp-user">
              <span>
                {user.medewerker.pseudoniem} ({rolNamen[user.rol]}, {user.partner.naam})
              </span>
              <form method="post" action="/uitloggen">
                <CsrfField user={user} />
                <button class="utrecht-button utrecht-button--secondary-action" type="submit">
                  Uitloggen
                </button>
              </form>
            </div>
          )}
        </header>
        <main id="inhoud" tabIndex={-1} class="kp-main">
          <h1 class="utrecht-heading-1">{title}</h1>
          {props.children}
        </main>
        <footer class="kp-footer">
          <a class="utrecht-link" href="/toegankelijkheidsverklaring">
            Toegankelijkheidsverklaring
          </a>
        </footer>
      </body>
    </html>
  );
}
