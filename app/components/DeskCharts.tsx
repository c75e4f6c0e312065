// Server-rendered SVG charts for the agency track records. No inline styles (CSP): colours and
// strokes come from classes in app.css. Each chart has a title and a description for screen
// readers, and the page puts the same numbers in a table beside it, where every project is linked.
import { Link } from "@remix-run/react";
import { CardBody, CardHead, CardRow, CardTable, Cell, ColumnHeader, RowHeader } from "~/components/CardTable";
import { formatDays, MIN_CASES_FOR_SUMMARY } from "~/models/agency-stats";
import type { Duration } from "~/models/agency-stats.server";

const WIDTH = 560;
const PAD_LEFT = 48;
const PAD_RIGHT = 16;

const years = (days: number) => days / 365.25;

/** One dot per review on a line of years, so the spread shows without a summary that n cannot bear. */
export function DurationChart({ id, title, items }: { id: string; title: string; items: Duration[] }) {
  if (items.length === 0) return null;
  const maxYears = Math.max(1, Math.ceil(years(Math.max(...items.map((d) => d.days)))));
  const x = (days: number) => PAD_LEFT + (years(days) / maxYears) * (WIDTH - PAD_LEFT - PAD_RIGHT);
  const height = 36 + items.length * 14;
  const ticks = Array.from({ length: maxYears + 1 }, (_, i) => i);
  return (
    <svg
      className="chart"
      viewBox={`0 0 ${WIDTH} ${height}`}
      role="img"
      aria-labelledby={`${id}-title ${id}-desc`}
      width="100%"
    >
      <title id={`${id}-title`}>{title}</title>
      <desc id={`${id}-desc`}>
        {items.length} review{items.length === 1 ? "" : "s"}, from {Math.round(years(items[0].days) * 10) / 10} to{" "}
        {Math.round(years(items[items.length - 1].days) * 10) / 10} years. The table beside the chart lists each.
      </desc>
      {ticks.map((t) => (
        <g key={t}>
          <line className="chart-grid" x1={x(t * 365.25)} x2={x(t * 365.25)} y1={8} y2={height - 20} />
          <text className="chart-label" x={x(t * 365.25)} y={height - 6} textAnchor="middle">
            {t} yr
          </text>
        </g>
      ))}
      {/* The dots are not links: a role="img" must not hold controls. The table beside links each project. */}
      {items.map((d, i) => (
        <circle
          key={d.slug}
          className={d.approximate ? "chart-dot chart-dot--approximate" : "chart-dot"}
          cx={x(d.days)}
          cy={16 + i * 14}
          r={5}
        />
      ))}
    </svg>
  );
}

/** Mean slip (days) of the milestones whose baseline falls in each year. */
export function SlipChart({
  id,
  title,
  points,
}: {
  id: string;
  title: string;
  points: { year: number; mean: number; n: number }[];
}) {
  if (points.length === 0) return null;
  const height = 180;
  const top = 12;
  const bottom = height - 24;
  const max = Math.max(1, ...points.map((p) => Math.abs(p.mean)));
  const hasNegative = points.some((p) => p.mean < 0);
  const zero = hasNegative ? (top + bottom) / 2 : bottom;
  const scale = (hasNegative ? (bottom - top) / 2 : bottom - top) / max;
  const band = (WIDTH - PAD_LEFT - PAD_RIGHT) / points.length;
  return (
    <svg
      className="chart"
      viewBox={`0 0 ${WIDTH} ${height}`}
      role="img"
      aria-labelledby={`${id}-title ${id}-desc`}
      width="100%"
    >
      <title id={`${id}-title`}>{title}</title>
      <desc id={`${id}-desc`}>
        Mean slip per baseline year, {points[0].year} to {points[points.length - 1].year}; the table beside the chart
        gives each year&rsquo;s figure and number of milestones. Pale, dashed bars stand on fewer than{" "}
        {MIN_CASES_FOR_SUMMARY} milestones.
      </desc>
      <line className="chart-axis" x1={PAD_LEFT} x2={WIDTH - PAD_RIGHT} y1={zero} y2={zero} />
      <text className="chart-label" x={PAD_LEFT - 6} y={top + 8} textAnchor="end">
        +{Math.round(max)}
      </text>
      <text className="chart-label" x={PAD_LEFT - 6} y={zero + 4} textAnchor="end">
        0
      </text>
      {points.map((p, i) => {
        const h = Math.abs(p.mean) * scale;
        const y = p.mean >= 0 ? zero - h : zero;
        return (
          <g key={p.year}>
            <rect
              className={[
                "chart-bar",
                p.mean > 0 ? "" : "chart-bar--early",
                p.n < MIN_CASES_FOR_SUMMARY ? "chart-bar--few" : "",
              ]
                .filter(Boolean)
                .join(" ")}
              x={PAD_LEFT + i * band + 4}
              y={y}
              width={Math.max(2, band - 8)}
              height={Math.max(1, h)}
            />
            <text className="chart-label" x={PAD_LEFT + i * band + band / 2} y={height - 6} textAnchor="middle">
              {p.year}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

/**
 * "Slips over time": the chart and, beside it, the same numbers as a table whose counts link to
 * the milestones behind them on /schedule (`scheduleSearch` holds the group's filters). Years with
 * fewer than MIN_CASES_FOR_SUMMARY milestones say so.
 */
export function SlipFigure({
  id,
  title,
  points,
  scheduleSearch,
}: {
  id: string;
  title: string;
  points: { year: number; mean: number; n: number }[];
  scheduleSearch: string;
}) {
  const link = (year: number) =>
    `/schedule?${new URLSearchParams([...new URLSearchParams(scheduleSearch), ["kind", "baselined"], ["baselineYear", String(year)], ["sort", "slip"]]).toString()}`;
  return (
    <div className="desk-figure">
      <SlipChart id={id} title={title} points={points} />
      <CardTable>
        <caption>{title}: the figures</caption>
        <CardHead>
          <ColumnHeader>Baseline year</ColumnHeader>
          <ColumnHeader>Mean slip (days)</ColumnHeader>
          <ColumnHeader>Milestones</ColumnHeader>
        </CardHead>
        <CardBody>
          {points.map((p) => (
            <CardRow key={p.year}>
              <RowHeader>{p.year}</RowHeader>
              <Cell label="Mean slip (days)">
                {formatDays(p.mean)}
                {p.n < MIN_CASES_FOR_SUMMARY ? (
                  <span className="muted"> (too few milestones to compare: n = {p.n})</span>
                ) : null}
              </Cell>
              <Cell label="Milestones">
                <Link to={link(p.year)} aria-label={`${p.n} milestones with a baseline in ${p.year}`}>
                  {p.n}
                </Link>
              </Cell>
            </CardRow>
          ))}
        </CardBody>
      </CardTable>
    </div>
  );
}
