export interface DiagramPerson {
  id: string;
  naam: string;
  rol?: string;
}

export interface DiagramRelation {
  van: string;
  naar: string;
  soort?: string;
}

const SIZE = 480;
const R = 170;

/** Positions on a circle: readable for a household of any size, no layout engine needed. */
function positions(persons: DiagramPerson[]): Map<string, { x: number; y: number }> {
  const n = Math.max(persons.length, 1);
  return new Map(
    persons.map((p, i) => {
      const a = (2 * Math.PI * i) / n - Math.PI / 2;
      return [p.id, { x: SIZE / 2 + R * Math.cos(a), y: SIZE / 2 + R * Math.sin(a) }];
    }),
  );
}

const relationText = (r: DiagramRelation, naam: (id: string) => string) =>
  `${naam(r.van)} is ${r.soort ?? 'verbonden met'}${r.soort ? ' van' : ''} ${naam(r.naar)}`;

/**
 * The family system as a server-rendered SVG (no script needed), with its text alternative: the SVG is
 * an image titled and described for screen readers, and the same relations follow as a list for everyone.
 */
export function FamilyDiagram({ persons, relaties }: { persons: DiagramPerson[]; relaties: DiagramRelation[] }) {
  const at = positions(persons);
  const naam = (id: string) => persons.find((p) => p.id === id)?.naam ?? 'onbekende persoon';
  const drawn = relaties.filter((r) => at.has(r.van) && at.has(r.naar));
  return (
    <figure class="kp-figure">
      <svg
        class="kp-diagram"
        viewBox={`0 0 ${SIZE} ${SIZE}`}
        role="img"
        aria-labelledby="schema-titel schema-uitleg"
        xmlns="http://www.w3.org/2000/svg"
      >
        <title id="schema-titel">Gezinssysteem</title>
        <desc id="schema-uitleg">{`${persons.length} personen en ${drawn.length} relaties. De relaties staan ook in de lijst onder het schema.`}</desc>
        {drawn.map((r) => {
          const a = at.get(r.van)!;
          const b = at.get(r.naar)!;
          return (
            <g key={`${r.van}-${r.naar}`}>
              <line x1={a.x} y1={a.y} x2={b.x} y2={b.y} class="kp-diagram-line" />
              {r.soort && (
                <text x={(a.x + b.x) / 2} y={(a.y + b.y) / 2 - 6} class="kp-diagram-relation" text-anchor="middle">
                  {r.soort}
                </text>
              )}
            </g>
          );
        })}
        {persons.map((p) => {
          const { x, y } = at.get(p.id)!;
          return (
            <g key={p.id}>
              <circle cx={x} cy={y} r={34} class={p.rol === 'hoofdpersoon' ? 'kp-diagram-main' : 'kp-diagram-person'} />
              <text x={x} y={y + 4} class="kp-diagram-name" text-anchor="middle">
                {p.naam.length > 14 ? `${p.naam.slice(0, 13)}…` : p.naam}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption>
        <h3 class="utrecht-heading-3">Relaties in tekst</h3>
        {drawn.length === 0 ? (
          <p class="utrecht-paragraph">Er zijn geen relaties die u mag zien.</p>
        ) : (
          <ul class="utrecht-unordered-list">
            {drawn.map((r) => (
              <li key={`${r.van}-${r.naar}`}>{relationText(r, naam)}</li>
            ))}
          </ul>
        )}
      </figcaption>
    </figure>
  );
}
