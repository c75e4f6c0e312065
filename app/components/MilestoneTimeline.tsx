// The schedule of every action on a project (federal, state, tribal, court) in one picture: an SVG
// drawn on the server, so it reads without JavaScript, followed by the same facts as a table for
// screen readers, small screens and anyone copying the numbers.
import type { DatePrecision, Jurisdiction } from "@prisma/client";
import { useId, type ReactNode } from "react";
import { SourceLink } from "~/components/ExternalLink";
import { ScheduleStatusBadge } from "~/components/ScheduleStatus";
import { JURISDICTION_LABELS } from "~/models/labels";
import { DAY_MS, formatCalendarDate } from "~/utils/dates";
import {
  SCHEDULE_STATUS_LABELS,
  formatSlip,
  periodEnd,
  periodStart,
  type MilestoneDates,
  type ScheduleStatus,
} from "~/models/schedule";

/** One milestone as a loader sends it: dates are ISO strings because loaders serialise Dates. */
export type TimelineMilestone = {
  id: string;
  name: string;
  jurisdiction: Jurisdiction;
  responsible: string | null;
  baselineDate: string | null;
  targetDate: string | null;
  actualDate: string | null;
  datePrecision: DatePrecision;
  status: ScheduleStatus;
  note: string | null;
  sourceUrl: string | null;
};

const JURISDICTION_ORDER = Object.keys(JURISDICTION_LABELS) as Jurisdiction[];
const STATUS_ORDER: ScheduleStatus[] = ["complete", "on_track", "at_risk", "delayed", "missed", "paused"];

// Geometry in viewBox units; the SVG scales to its container (timeline.css sets a minimum width).
const WIDTH = 960;
const PLOT_LEFT = 360;
const STATUS_LEFT = WIDTH - 96;
const PLOT_RIGHT = STATUS_LEFT - 16;
const AXIS_HEIGHT = 32;
const ROW_HEIGHT = 30;
const FOOT_HEIGHT = 28;
const NAME_LEFT = 76;
const NAME_MAX_CHARS = 36;

type Row = { milestone: TimelineMilestone; dates: MilestoneDates };
type Axis = { start: number; end: number; ticks: number[] };

function parseDate(iso: string | null): Date | null {
  return iso ? new Date(iso) : null;
}

function datesOf(row: Row): Date[] {
  return [row.dates.baselineDate, row.dates.targetDate, row.dates.actualDate].filter((d): d is Date => d !== null);
}

// A date known only to its month or year is drawn mid-period, not on the 1st it happens to be stored as.
function timeOf(date: Date, precision: DatePrecision): number {
  return (periodStart(date, precision).getTime() + periodEnd(date, precision).getTime() + DAY_MS) / 2;
}

function yearAxis(rows: Row[], today: Date): Axis {
  const years = rows.flatMap((row) => datesOf(row).map((date) => date.getUTCFullYear()));
  // Pending milestones are judged against today, so today belongs on their chart; a schedule that
  // finished years ago keeps its own range instead of being squeezed to the left.
  if (years.length === 0 || rows.some((row) => row.milestone.status !== "complete")) {
    years.push(today.getUTCFullYear());
  }
  const first = Math.min(...years);
  const last = Math.max(...years) + 1;
  const span = last - first;
  const step = span <= 12 ? 1 : span <= 24 ? 2 : span <= 60 ? 5 : 10;
  const startYear = Math.floor(first / step) * step;
  const endYear = Math.ceil(last / step) * step;
  const ticks: number[] = [];
  for (let year = startYear; year <= endYear; year += step) ticks.push(year);
  return { start: Date.UTC(startYear, 0, 1), end: Date.UTC(endYear, 0, 1), ticks };
}

function xOf(time: number, axis: Axis): number {
  const x = PLOT_LEFT + ((time - axis.start) / (axis.end - axis.start)) * (PLOT_RIGHT - PLOT_LEFT);
  return Math.round(x * 10) / 10;
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? "" : "s"}`;
}

function truncate(name: string): string {
  return name.length > NAME_MAX_CHARS ? `${name.slice(0, NAME_MAX_CHARS - 1).trimEnd()}…` : name;
}

function summary(rows: Row[], today: Date): string {
  const counts = STATUS_ORDER.map((status) => ({
    status,
    count: rows.filter((row) => row.milestone.status === status).length,
  }))
    .filter(({ count }) => count > 0)
    .map(({ status, count }) => `${count} ${SCHEDULE_STATUS_LABELS[status].toLowerCase()}`)
    .join(", ");
  const dated = rows.flatMap((row) =>
    datesOf(row).map((date) => ({ date, precision: row.dates.datePrecision === "YEAR" ? "YEAR" : "MONTH" }) as const),
  );
  dated.sort((a, b) => a.date.getTime() - b.date.getTime());
  const first = dated.at(0);
  const last = dated.at(-1);
  let range = ", none with a date recorded";
  if (first && last) {
    const from = formatCalendarDate(first.date, first.precision);
    const to = formatCalendarDate(last.date, last.precision);
    range = from === to ? ` in ${from}` : ` from ${from} to ${to}`;
  }
  return `${plural(rows.length, "milestone")}${range}; ${counts}. Today is ${formatCalendarDate(today, "DAY")}.`;
}

type Point = { x: number; y: number };

function BaselineMarker({ x, y }: Point) {
  return (
    <polygon
      className="timeline__baseline"
      points={`${x},${y - 7} ${x + 7},${y} ${x},${y + 7} ${x - 7},${y}`}
      fill="#fff"
      stroke="#55504a"
      strokeWidth={2}
    />
  );
}

function TargetMarker({ x, y, status }: Point & { status?: ScheduleStatus }) {
  return <circle className={`timeline__target timeline__target--${status ?? "legend"}`} cx={x} cy={y} r={5.5} />;
}

function ActualMarker({ x, y }: Point) {
  return <rect className="timeline__actual" x={x - 4.5} y={y - 4.5} width={9} height={9} />;
}

function MilestoneRow({ row, index, axis }: { row: Row; index: number; axis: Axis }) {
  const { milestone, dates } = row;
  const top = AXIS_HEIGHT + index * ROW_HEIGHT;
  const y = top + ROW_HEIGHT / 2;
  const at = (date: Date | null) => (date ? xOf(timeOf(date, dates.datePrecision), axis) : null);
  const baseline = at(dates.baselineDate);
  const target = at(dates.targetDate);
  const actual = at(dates.actualDate);
  // The slip runs to where the milestone ended up: its actual date once done, else its target.
  const outcome = actual ?? target;
  return (
    <g className="timeline__row" data-milestone-id={milestone.id}>
      <title>{`${milestone.name} (${JURISDICTION_LABELS[milestone.jurisdiction]}): ${SCHEDULE_STATUS_LABELS[milestone.status]}`}</title>
      <rect
        className={`timeline__band timeline__band--${milestone.jurisdiction}`}
        x={0}
        y={top + 4}
        width={6}
        height={ROW_HEIGHT - 8}
      />
      <text className="timeline__jurisdiction" x={14} y={y + 4} fontSize={12} fontWeight={700}>
        {JURISDICTION_LABELS[milestone.jurisdiction]}
      </text>
      <text className="timeline__name" x={NAME_LEFT} y={y + 5} fontSize={14}>
        {truncate(milestone.name)}
      </text>
      {baseline === null && outcome === null ? (
        <text className="timeline__no-date" x={PLOT_LEFT + 8} y={y + 5} fontSize={13} fontStyle="italic">
          no date recorded
        </text>
      ) : null}
      {baseline !== null && outcome !== null && baseline !== outcome ? (
        <line className="timeline__slip" x1={baseline} x2={outcome} y1={y} y2={y} stroke="#55504a" strokeWidth={2} />
      ) : null}
      {baseline !== null ? <BaselineMarker x={baseline} y={y} /> : null}
      {target !== null ? <TargetMarker x={target} y={y} status={milestone.status} /> : null}
      {actual !== null ? <ActualMarker x={actual} y={y} /> : null}
      <text
        className={`timeline__status timeline__status--${milestone.status}`}
        x={STATUS_LEFT}
        y={y + 5}
        fontSize={13}
      >
        {SCHEDULE_STATUS_LABELS[milestone.status]}
      </text>
    </g>
  );
}

function TimelineChart({ rows, today, title }: { rows: Row[]; today: Date; title: string }) {
  const id = useId();
  const axis = yearAxis(rows, today);
  const height = AXIS_HEIGHT + rows.length * ROW_HEIGHT + FOOT_HEIGHT;
  const bottom = AXIS_HEIGHT + rows.length * ROW_HEIGHT;
  const todayTime = timeOf(today, "DAY");
  const showToday = todayTime >= axis.start && todayTime <= axis.end;
  const todayX = xOf(todayTime, axis);
  return (
    <svg
      className="timeline__svg"
      role="img"
      aria-labelledby={`${id}-title ${id}-desc`}
      viewBox={`0 0 ${WIDTH} ${height}`}
      width="100%"
      preserveAspectRatio="xMinYMin meet"
    >
      <title id={`${id}-title`}>{title}</title>
      <desc id={`${id}-desc`}>{summary(rows, today)}</desc>
      {rows.map((row, index) =>
        index % 2 === 1 ? (
          <rect
            key={row.milestone.id}
            className="timeline__stripe"
            x={0}
            y={AXIS_HEIGHT + index * ROW_HEIGHT}
            width={WIDTH}
            height={ROW_HEIGHT}
            fill="#f4f1ea"
          />
        ) : null,
      )}
      <g className="timeline__axis">
        {axis.ticks.map((year) => {
          const x = xOf(Date.UTC(year, 0, 1), axis);
          return (
            <g key={year}>
              <line className="timeline__grid" x1={x} x2={x} y1={AXIS_HEIGHT - 6} y2={bottom} stroke="#d9d4ca" />
              <text className="timeline__tick" x={x} y={AXIS_HEIGHT - 12} fontSize={13} textAnchor="middle">
                {year}
              </text>
            </g>
          );
        })}
      </g>
      {showToday ? (
        <g className="timeline__today">
          <line x1={todayX} x2={todayX} y1={AXIS_HEIGHT - 6} y2={bottom + 4} stroke="#1f4e8c" strokeDasharray="5 3" />
          <text x={todayX} y={bottom + 20} fontSize={13} fontWeight={700} textAnchor="middle">
            Today
          </text>
        </g>
      ) : null}
      {rows.map((row, index) => (
        <MilestoneRow key={row.milestone.id} row={row} index={index} axis={axis} />
      ))}
    </svg>
  );
}

function Legend({ jurisdictions }: { jurisdictions: Jurisdiction[] }) {
  const swatch = (shape: ReactNode) => (
    <svg
      className="timeline__swatch"
      aria-hidden="true"
      focusable="false"
      viewBox="-10 -10 20 20"
      width="20"
      height="20"
    >
      {shape}
    </svg>
  );
  return (
    <div className="timeline__legend">
      <ul>
        <li>{swatch(<BaselineMarker x={0} y={0} />)} Baseline (first published target)</li>
        <li>{swatch(<TargetMarker x={0} y={0} />)} Current target</li>
        <li>{swatch(<ActualMarker x={0} y={0} />)} Actual date</li>
        <li>
          {swatch(<line className="timeline__slip" x1={-9} x2={9} y1={0} y2={0} stroke="#55504a" strokeWidth={2} />)}{" "}
          Slip from baseline
        </li>
        <li>
          {swatch(
            <line
              className="timeline__today-key"
              x1={0}
              x2={0}
              y1={-9}
              y2={9}
              stroke="#1f4e8c"
              strokeDasharray="5 3"
            />,
          )}{" "}
          Today
        </li>
        {jurisdictions.map((jurisdiction) => (
          <li key={jurisdiction}>
            {swatch(
              <rect className={`timeline__band timeline__band--${jurisdiction}`} x={-3} y={-8} width={6} height={16} />,
            )}{" "}
            {JURISDICTION_LABELS[jurisdiction]} action
          </li>
        ))}
      </ul>
      <p className="timeline__legend-note">
        Dates known only to the month or year are drawn in the middle of that month or year.
      </p>
    </div>
  );
}

function dateCell(date: Date | null, precision: DatePrecision): string {
  return date ? formatCalendarDate(date, precision) : "—";
}

function TimelineTable({ rows, title }: { rows: Row[]; title: string }) {
  return (
    <div className="table-wrap">
      <table className="timeline__table">
        <caption>{title}: dates and status of each milestone</caption>
        <thead>
          <tr>
            <th scope="col">Milestone</th>
            <th scope="col">Action</th>
            <th scope="col">Responsible</th>
            <th scope="col">Baseline</th>
            <th scope="col">Target</th>
            <th scope="col">Actual</th>
            <th scope="col">Status</th>
            <th scope="col">Slip</th>
            <th scope="col">Source</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(({ milestone, dates }) => (
            <tr key={milestone.id} id={`milestone-${milestone.id}`}>
              <th scope="row">
                {milestone.name}
                {milestone.note ? <span className="timeline__table-note">{milestone.note}</span> : null}
              </th>
              <td>{JURISDICTION_LABELS[milestone.jurisdiction]}</td>
              <td>{milestone.responsible ?? "—"}</td>
              <td className="timeline__date">{dateCell(dates.baselineDate, dates.datePrecision)}</td>
              <td className="timeline__date">{dateCell(dates.targetDate, dates.datePrecision)}</td>
              <td className="timeline__date">{dateCell(dates.actualDate, dates.datePrecision)}</td>
              <td>
                <ScheduleStatusBadge status={milestone.status} />
              </td>
              <td className="timeline__date">{formatSlip(dates)}</td>
              <td>
                <SourceLink url={milestone.sourceUrl} label={`Source for ${milestone.name}`} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/**
 * Baseline, current target and actual date of every milestone, as a chart and as a table.
 * Renders nothing for no milestones: the page shows its own empty state.
 */
export function MilestoneTimeline({
  milestones,
  today,
  title,
}: {
  milestones: TimelineMilestone[];
  today: string;
  title: string;
}) {
  if (milestones.length === 0) return null;
  const todayDate = new Date(today);
  const rows: Row[] = milestones.map((milestone) => ({
    milestone,
    dates: {
      baselineDate: parseDate(milestone.baselineDate),
      targetDate: parseDate(milestone.targetDate),
      actualDate: parseDate(milestone.actualDate),
      datePrecision: milestone.datePrecision,
    },
  }));
  const jurisdictions = JURISDICTION_ORDER.filter((j) => milestones.some((m) => m.jurisdiction === j));
  return (
    <div className="timeline">
      <div className="timeline__chart">
        <TimelineChart rows={rows} today={todayDate} title={title} />
      </div>
      <Legend jurisdictions={jurisdictions} />
      <TimelineTable rows={rows} title={title} />
    </div>
  );
}
