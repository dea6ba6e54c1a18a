// A small bar chart in SVG with its numbers in a table under it: readable without the picture,
// printable, and no chart library to load.
import { useId } from 'react';

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

/** Horizontal grouped bars (one group per row, one bar per series) and the same data as a table. */
export function BarChart({ title, series, rows, format, rowHeader, chartRows }: Props) {
  const id = useId();
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
            <span className={`swatch bar-${s.tone}`} /> {s.label}
          </li>
        ))}
      </ul>
      <svg viewBox={`0 0 ${WIDTH} ${height}`} role="img" aria-label={title} className="chart-svg">
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
                    className={`bar-${s.tone}`}
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
              <th scope="row">{row.label}</th>
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
