// A small bar chart in SVG with its numbers in a table under it: readable without the picture,
// printable, and no chart library to load. Each series has a colour and a pattern of its own
// (solid, stripes, dots), drawn as SVG fills in the bars and in the legend's swatches: a browser
// printing without background graphics (Chrome's default) or a grey printer keeps them apart.
import { useId } from 'react';
import { Breakable } from '../../ui/Breakable';

export interface ChartSeries {
  key: string;
  label: string;
  /** One of the chart palette's classes: bar-a, bar-b, bar-c. */
  tone: 'a' | 'b' | 'c';
}

export interface ChartRow {
  label: string;
  values: Record<string, number>;
}

interface Props {
  title: string;
  series: readonly ChartSeries[];
  rows: readonly ChartRow[];
  format: (value: number) => string;
  /** Column header of the row labels in the table. */
  rowHeader: string;
  /** Draw at most this many rows (the first ones); the table lists them all. */
  chartRows?: number;
}

const short = (label: string) =>
  label.length > MAX_LABEL ? `${label.slice(0, MAX_LABEL - 1)}…` : label;

const BAR = 14;
const GAP = 10;
const LABEL_W = 210;
const MAX_LABEL = 30;
const WIDTH = 640;

/** The fill of a tone: solid for the first series, a pattern for the others. */
function Fill({ id, tone }: { id: string; tone: ChartSeries['tone'] }) {
  if (tone === 'a') return null;
  return (
    <pattern id={id} width="6" height="6" patternUnits="userSpaceOnUse">
      <rect width="6" height="6" className="bar-bg" />
      {tone === 'b' ? (
        <path d="M-1,7 L7,-1 M-1,1 L1,-1 M5,7 L7,5" className={`bar-${tone}-line`} />
      ) : (
        <circle cx="3" cy="3" r="1.6" className={`bar-${tone}`} />
      )}
    </pattern>
  );
}

// A style, not the fill attribute: the palette's class would win over an attribute.
const fillOf = (id: string, tone: ChartSeries['tone']) =>
  tone === 'a' ? undefined : { fill: `url(#${id}-${tone})` };

/** A legend's sample of a series: the same fill as its bars, in SVG so it prints. */
function Swatch({ id, tone }: { id: string; tone: ChartSeries['tone'] }) {
  return (
    <svg className="swatch" viewBox="0 0 14 14" aria-hidden="true">
      <defs>
        <Fill id={`${id}-${tone}`} tone={tone} />
      </defs>
      <rect
        width="14"
        height="14"
        rx="2"
        className={`bar-${tone} bar-edge`}
        style={fillOf(id, tone)}
      />
    </svg>
  );
}

/** Horizontal grouped bars (one group per row, one bar per series) and the same data as a table. */
export function BarChart({ title, series, rows, format, rowHeader, chartRows }: Props) {
  const id = useId();
  // Pattern ids: one set for the bars, one per swatch (an id is unique in the page).
  const patterns = `${id}-bars`;
  const drawn = rows.slice(0, chartRows ?? rows.length);
  const max = Math.max(1, ...drawn.flatMap((r) => series.map((s) => r.values[s.key] ?? 0)));
  const groupH = series.length * BAR + GAP;
  const height = drawn.length * groupH + GAP;
  const scale = (WIDTH - LABEL_W - 70) / max;
  return (
    // Focusable: on a phone the chart may scroll sideways, and a keyboard must reach that too.
    <figure className="chart" aria-labelledby={id} tabIndex={0}>
      <figcaption id={id}>{title}</figcaption>
      <ul className="chart-legend" aria-hidden="true">
        {series.map((s) => (
          <li key={s.key}>
            <Swatch id={`${id}-${s.key}`} tone={s.tone} /> {s.label}
          </li>
        ))}
      </ul>
      <svg viewBox={`0 0 ${WIDTH} ${height}`} role="img" aria-label={title} className="chart-svg">
        <defs>
          {[...new Set(series.map((s) => s.tone))].map((tone) => (
            <Fill key={tone} id={`${patterns}-${tone}`} tone={tone} />
          ))}
        </defs>
        {drawn.map((row, r) => (
          <g key={row.label} transform={`translate(0 ${GAP + r * groupH})`}>
            <text x={LABEL_W - 8} y={(series.length * BAR) / 2 + 4} textAnchor="end">
              {short(row.label)}
            </text>
            {series.map((s, i) => {
              const value = row.values[s.key] ?? 0;
              const w = Math.max(value > 0 ? 1 : 0, value * scale);
              return (
                <g key={s.key}>
                  <rect
                    className={`bar-${s.tone} bar-edge`}
                    style={fillOf(patterns, s.tone)}
                    x={LABEL_W}
                    y={i * BAR}
                    width={w}
                    height={BAR - 2}
                  />
                  {value > 0 && (
                    <text x={LABEL_W + w + 4} y={i * BAR + BAR - 4} className="chart-value">
                      {format(value)}
                    </text>
                  )}
                </g>
              );
            })}
          </g>
        ))}
      </svg>
      <table className="data-table">
        <thead>
          <tr>
            <th scope="col">{rowHeader}</th>
            {series.map((s) => (
              <th key={s.key} scope="col">
                {s.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.label}>
              <th scope="row">
                <Breakable text={row.label} />
              </th>
              {series.map((s) => (
                <td key={s.key}>{format(row.values[s.key] ?? 0)}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
