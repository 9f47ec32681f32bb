import type { WebPage } from '../web-page.js';

/** The toegankelijkheidsverklaring in the model of digitoegankelijk.nl (status: own assessment, automated and keyboard checks). */
export const accessibilityStatement: WebPage = {
  method: 'GET',
  path: '/toegankelijkheidsverklaring',
  access: 'public',
  async handle() {
    return {
      title: 'Toegankelijkheidsverklaring',
      body: (
        <>
          <p class="utrecht-paragraph">
            De beheerder van Knooppunt wil dat iedereen deze applicatie kan gebruiken. Wij houden ons aan de Europese
            norm EN 301 549 en de Web Content Accessibility Guidelines (WCAG) 2.1 op niveau AA.
          </p>
          <h2 class="utrecht-heading-2">Nalevingsstatus</h2>
          <p class="utrecht-paragraph">
            Knooppunt voldoet gedeeltelijk aan de eisen (status B: eerste maatregelen genomen). Elke pagina wordt bij
            elke wijziging automatisch gecontroleerd met axe-core, en met het toetsenbord doorlopen (skiplink, volgorde
            van de focus, zichtbare focus). Een onderzoek door een onafhankelijke partij is nog niet gedaan.
          </p>
          <h2 class="utrecht-heading-2">Wat kunt u verwachten</h2>
          <ul class="utrecht-unordered-list">
            <li>Alle pagina's werken met alleen een toetsenbord.</li>
            <li>De pagina's passen zich aan tot 320 pixels breed en blijven bruikbaar bij 200% zoom.</li>
            <li>Tekst, formulieren en foutmeldingen zijn in eenvoudig Nederlands (taalniveau B1).</li>
            <li>Het gezinsschema heeft ook een tekstversie.</li>
          </ul>
          <h2 class="utrecht-heading-2">Bekende beperkingen</h2>
          <ul class="utrecht-unordered-list">
            <li>Inloggen met een passkey werkt alleen als JavaScript aan staat. Inloggen via uw organisatie niet.</li>
          </ul>
          <h2 class="utrecht-heading-2">Contact en klachten</h2>
          <p class="utrecht-paragraph">
            Lukt iets niet, of vindt u dat Knooppunt niet toegankelijk is? Meld het bij de functioneel beheerder van uw
            Zorg- en Veiligheidshuis. U krijgt binnen 5 werkdagen antwoord. Bent u niet tevreden over de afhandeling,
            dan kunt u contact opnemen met de Nationale ombudsman.
          </p>
          <h2 class="utrecht-heading-2">Over deze verklaring</h2>
          <p class="utrecht-paragraph">Deze verklaring volgt het model van digitoegankelijk.nl.</p>
        </>
      ),
    };
  },
};
