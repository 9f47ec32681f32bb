import { getal } from '../format.js';

export interface Staaf {
  label: string;
  /** `null` is a suppressed count: drawn as "onderdrukt", never as a bar. */
  waarde: number | null;
}

const ROW = 28;
const LABEL_WIDTH = 230;
const BAR_WIDTH = 300;
const WIDTH = LABEL_WIDTH + BAR_WIDTH + 110;

/**
 * A horizontal bar chart rendered on the server (works without script). It is an image with a short
 * title; the same figures stand in the table next to it, which is the text alternative. A suppressed
 * value has no bar and the word "onderdrukt": its length would give the hidden count away.
 */
export function BarChart(props: { id: string; titel: string; staven: Staaf[] }) {
  const max = Math.max(1, ...props.staven.map((s) => s.waarde ?? 0));
  const height = props.staven.length * ROW + 10;
  return (
    <svg
      class="kp-chart"
      viewBox={`0 0 ${WIDTH} ${height}`}
      role="img"
      aria-labelledby={`${props.id}-titel ${props.id}-uitleg`}
      xmlns="http://www.w3.org/2000/svg"
    >
      <title id={`${props.id}-titel`}>{props.titel}</title>
      <desc id={`${props.id}-uitleg`}>De aantallen staan ook in de tabel onder de grafiek.</desc>
      {props.staven.map((s, i) => {
        const y = 5 + i * ROW;
        const w = s.waarde === null ? 0 : Math.max(1, Math.round((s.waarde / max) * BAR_WIDTH));
        return (
          <g key={s.label}>
            <text x={LABEL_WIDTH - 8} y={y + 18} class="kp-chart-label" text-anchor="end">
              {s.label}
            </text>
            {s.waarde !== null && <rect x={LABEL_WIDTH} y={y + 4} width={w} height={ROW - 8} class="kp-chart-bar" />}
            <text x={LABEL_WIDTH + w + 6} y={y + 18} class="kp-chart-value">
              {s.waarde === null ? 'onderdrukt' : getal(s.waarde)}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
