import { renderToString } from 'preact-render-to-string';
import type { InzageBron, Inzagerapport, InzageVerstrekking } from './inzagerapport-types.js';
import { nlDatum, nlDatumTijd, nlDuur } from './nederlandse-datum.js';

// Inline only: the document must print and open offline, with no external resource and no script.
const stijl = `
body { font-family: system-ui, sans-serif; line-height: 1.5; max-width: 50rem; margin: 2rem auto; padding: 0 1rem; color: #111; }
h1, h2, h3 { line-height: 1.2; } table { border-collapse: collapse; width: 100%; margin: .5rem 0 1rem; }
th, td { border: 1px solid #999; padding: .25rem .5rem; text-align: left; vertical-align: top; }
code, .hash { font-family: ui-monospace, monospace; font-size: .8em; word-break: break-all; }
.weggelaten { border-left: 4px solid #b00; padding-left: .5rem; }
@media print { body { margin: 0; max-width: none; font-size: 10pt; } section { break-inside: avoid-page; } a { color: inherit; } details { display: block; } }
`;

function Gegevens({ bron }: { bron: InzageBron }) {
  if (bron.gegevens.length === 0) return <p>Van deze organisatie hebben wij geen gegevens over u.</p>;
  return (
    <table>
      <thead>
        <tr>
          <th>Soort gegeven</th>
          <th>Inhoud</th>
          <th>Ontvangen op</th>
        </tr>
      </thead>
      <tbody>
        {bron.gegevens.map((g) => (
          <tr key={g.id}>
            <td>{g.categorie}</td>
            <td>
              {g.gewist ? <em>Gewist: de inhoud is niet meer te lezen.</em> : g.inhoud}
              {g.velden && (
                <ul>
                  {Object.entries(g.velden).map(([k, v]) => (
                    <li key={k}>
                      {k}: {v}
                    </li>
                  ))}
                </ul>
              )}
            </td>
            <td>{nlDatum(g.ontvangenOp)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Weggelaten({ bron, functionaris }: { bron: InzageBron; functionaris: boolean }) {
  if (bron.weggelaten.length === 0) return null;
  return (
    <div class="weggelaten">
      <h4>{functionaris ? 'Weggelaten (alleen voor de functionaris)' : 'Niet alles staat in dit overzicht'}</h4>
      <ul>
        {bron.weggelaten.map((w, i) => (
          <li key={i}>
            {functionaris && `${w.itemId} (${w.categorie}, ${w.vermelden ? 'vermeld' : 'niet vermeld'}): `}
            {w.label} ({w.artikel}){w.toelichting && `. ${w.toelichting}`}
          </li>
        ))}
      </ul>
    </div>
  );
}

function Ontvangers({ indexes, per }: { indexes: number[]; per: Map<number, InzageVerstrekking> }) {
  if (indexes.length === 0) return <p>Deze gegevens zijn aan niemand doorgegeven.</p>;
  return (
    <table>
      <thead>
        <tr>
          <th>Datum</th>
          <th>Aan</th>
          <th>Doel</th>
          <th>Soort gegevens</th>
          <th>Logregel</th>
        </tr>
      </thead>
      <tbody>
        {indexes.map((i) => {
          const v = per.get(i)!;
          return (
            <tr key={i}>
              <td>{nlDatumTijd(v.tijd)}</td>
              <td>
                {v.ontvanger.naam} ({v.ontvanger.rol})
              </td>
              <td>{v.doel}</td>
              <td>{v.categorieen.join(', ')}</td>
              <td>nr. {i}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

function Bron({
  bron,
  per,
  functionaris,
}: {
  bron: InzageBron;
  per: Map<number, InzageVerstrekking>;
  functionaris: boolean;
}) {
  return (
    <section>
      <h2>
        {bron.naam} <small>({bron.regime})</small>
      </h2>
      <p>Deze gegevens komen van {bron.naam}. Die organisatie is er verantwoordelijk voor.</p>
      <h3>Waarvoor gebruiken we ze?</h3>
      <ul>
        {bron.doelen.map((d) => (
          <li key={d.key}>{d.omschrijving}</li>
        ))}
      </ul>
      <h3>Op grond van welke wet?</h3>
      <ul>
        {bron.grondslagen.map((g) => (
          <li key={g.key}>
            AVG artikel {g.avg}
            {g.nationaal && `: ${g.nationaal}`}
          </li>
        ))}
      </ul>
      <h3>Welke soorten gegevens, en hoe lang bewaren we ze?</h3>
      <ul>
        {bron.categorieen.map((c) => (
          <li key={c.key}>
            {c.omschrijving}
            {c.bewaartermijn &&
              ` — ${nlDuur(c.bewaartermijn.duur)} na ${c.bewaartermijn.vanaf === 'afsluiting' ? 'het afsluiten van de casus' : 'ontvangst'}`}
          </li>
        ))}
      </ul>
      <h3>De gegevens zelf</h3>
      <Gegevens bron={bron} />
      <Weggelaten bron={bron} functionaris={functionaris} />
      <h3>Aan wie zijn ze doorgegeven?</h3>
      {bron.terugkijkperiode && (
        <p>
          Voor politiegegevens ziet u de verstrekkingen van {nlDatum(bron.terugkijkperiode.van)} tot{' '}
          {nlDatum(bron.terugkijkperiode.tot)} (de vier jaar voor uw verzoek).
        </p>
      )}
      <Ontvangers indexes={bron.ontvangers} per={per} />
    </section>
  );
}

function Bewijs({ rapport }: { rapport: Inzagerapport }) {
  const { logbewijs } = rapport;
  return (
    <section>
      <h2>Bewijs uit het logboek</h2>
      <p>{logbewijs.uitleg}</p>
      <p>{rapport.volledigheid}</p>
      <p>
        Publieke sleutel van het logboek: <code>{logbewijs.verifierKey}</code>
      </p>
      {logbewijs.checkpoint && (
        <>
          <p>Ondertekend controlepunt (grootte {logbewijs.checkpoint.grootte}):</p>
          <pre class="hash">{logbewijs.checkpoint.signedNote}</pre>
        </>
      )}
      <table>
        <thead>
          <tr>
            <th>Nr.</th>
            <th>Leaf hash</th>
            <th>Bewijs</th>
          </tr>
        </thead>
        <tbody>
          {rapport.verstrekkingen.map((v) => (
            <tr key={v.index}>
              <td>{v.index}</td>
              <td class="hash">{v.leafHash}</td>
              <td class="hash">{v.bewijs.join(' ')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function Document({ rapport }: { rapport: Inzagerapport }) {
  const per = new Map(rapport.verstrekkingen.map((v) => [v.index, v]));
  const functionaris = rapport.voor === 'functionaris';
  // Entries no source section shows (no source named in the log, e.g. verwijsindex answers).
  const perBron = new Set(rapport.bronnen.flatMap((b) => b.ontvangers));
  const overig = rapport.verstrekkingen.map((v) => v.index).filter((i) => !perBron.has(i));
  return (
    <html lang="nl">
      <head>
        <meta charset="utf-8" />
        <title>Overzicht van uw gegevens</title>
        {/* A constant of this file, never data: the one place markup is not escaped. */}
        <style dangerouslySetInnerHTML={{ __html: stijl }} />
      </head>
      <body>
        <h1>Overzicht van uw gegevens{functionaris && ' (versie voor de functionaris gegevensbescherming)'}</h1>
        <p>
          U hebt gevraagd welke gegevens het Zorg- en Veiligheidshuis over u heeft. Dit overzicht laat zien wat er op{' '}
          {nlDatum(rapport.peildatum)} over u bekend was (AVG artikel 15). Gemaakt op {nlDatumTijd(rapport.opgesteldOp)}
          .
        </p>
        {rapport.bronnen.length === 0 && <p>Wij hebben geen gegevens over u.</p>}
        {rapport.bronnen.map((b) => (
          <Bron key={b.partner} bron={b} per={per} functionaris={functionaris} />
        ))}
        {overig.length > 0 && (
          <section>
            <h2>Andere verstrekkingen over u</h2>
            <p>Bijvoorbeeld antwoorden van de verwijsindex: welke organisaties u kennen, zonder inhoud.</p>
            <Ontvangers indexes={overig} per={per} />
          </section>
        )}
        <section>
          <h2>Voorstellen van de computer</h2>
          <p>{rapport.geautomatiseerd.uitleg}</p>
          {rapport.geautomatiseerd.voorstellen.length === 0 ? (
            <p>Over u zijn geen voorstellen gedaan.</p>
          ) : (
            <ul>
              {rapport.geautomatiseerd.voorstellen.map((k) => (
                <li key={k.id}>
                  {nlDatum(k.aangemaaktOp)}: score {k.score ?? 'geen (met de hand)'}, overeenkomsten:{' '}
                  {k.overeenkomsten.join(', ') || 'geen'}; besluit: {k.status}
                  {k.besluitDoor && ` door ${k.besluitDoor}`}
                  {k.besluitOp && ` op ${nlDatum(k.besluitOp)}`}
                </li>
              ))}
            </ul>
          )}
        </section>
        <section>
          <h2>Uw rechten</h2>
          <ul>
            {rapport.rechten.map((r) => (
              <li key={r.recht}>
                <strong>{r.recht}</strong> ({r.artikel}): {r.uitleg}
              </li>
            ))}
          </ul>
          <h3>Klacht</h3>
          <p>{rapport.klacht.uitleg}</p>
          <p>
            {rapport.klacht.instantie}, {rapport.klacht.adres}, {rapport.klacht.website}
          </p>
        </section>
        <Bewijs rapport={rapport} />
      </body>
    </html>
  );
}

/** The printable Dutch document: server-rendered, escaped by default, no script, no external resource. */
export function renderInzagerapport(rapport: Inzagerapport): string {
  return `<!doctype html>${renderToString(<Document rapport={rapport} />)}`;
}
