// The schedule of every action on a project (federal, state, tribal, court) in one picture: an SVG
// drawn on the server, so it reads without JavaScript, followed by the same facts as a table for
// screen readers, small screens and anyone copying the numbers.
import type { DatePrecision, Jurisdiction } from "@prisma/client";
import { useId, type ReactNode } from "react";
import { CardBody, CardHead, CardRow, CardTable, Cell, ColumnHeader, RowHeader } from "~/components/CardTable";
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

function yearAxis(rows: Row[], today: Date, narrow = false): Axis {
  const years = rows.flatMap((row) => datesOf(row).map((date) => date.getUTCFullYear()));
  // Pending milestones are judged against today, so today belongs on their chart; a schedule that
  // finished years ago keeps its own range instead of being squeezed to the left.
  if (years.length === 0 || rows.some((row) => row.milestone.status !== "complete")) {
    years.push(today.getUTCFullYear());
  }
  const first = Math.min(...years);
  const last = Math.max(...years) + 1;
  const span = last - first;
  // A phone's chart has room for about six year labels, a desktop's for twelve.
  const step = narrow
    ? span <= 6
      ? 1
      : span <= 12
        ? 2
        : span <= 30
          ? 5
          : 10
    : span <= 12
      ? 1
      : span <= 24
        ? 2
        : span <= 60
          ? 5
          : 10;
  const startYear = Math.floor(first / step) * step;
  const endYear = Math.ceil(last / step) * step;
  const ticks: number[] = [];
  for (let year = startYear; year <= endYear; year += step) ticks.push(year);
  return { start: Date.UTC(startYear, 0, 1), end: Date.UTC(endYear, 0, 1), ticks };
}

function xOf(time: number, axis: Axis, left = PLOT_LEFT, right = PLOT_RIGHT): number {
  const x = left + ((time - axis.start) / (axis.end - axis.start)) * (right - left);
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
      className="timeline__svg timeline__svg--wide"
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

// The phone's chart: each milestone's name on lines of its own, whole, above a track as wide as
// the screen. The same marks as the wide chart; CSS shows one of the two (timeline.css).
const N_WIDTH = 360;
const N_LEFT = 14;
const N_RIGHT = N_WIDTH - 14;
const N_AXIS_HEIGHT = 28;
const N_META_HEIGHT = 18;
const N_LINE_HEIGHT = 19;
const N_TRACK_HEIGHT = 26;
const N_GAP = 8;
const N_LINE_CHARS = 40;

/** Greedy word wrap by character count: SVG text does not wrap by itself. */
export function wrapWords(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = "";
    }
    // A word longer than a line is cut where the line ends.
    let rest = line ? `${line} ${word}` : word;
    while (rest.length > width) {
      lines.push(rest.slice(0, width));
      rest = rest.slice(width);
    }
    line = rest;
  }
  if (line) lines.push(line);
  return lines.length ? lines : [""];
}

function NarrowTimelineChart({ rows, today, title }: { rows: Row[]; today: Date; title: string }) {
  const id = useId();
  const axis = yearAxis(rows, today, true);
  const at = (time: number) => xOf(time, axis, N_LEFT, N_RIGHT);
  const layout = rows.reduce<{ top: number; name: string[] }[]>((acc, row) => {
    const previous = acc.at(-1);
    const top = previous
      ? previous.top + N_META_HEIGHT + previous.name.length * N_LINE_HEIGHT + N_TRACK_HEIGHT + N_GAP
      : N_AXIS_HEIGHT;
    acc.push({ top, name: wrapWords(row.milestone.name, N_LINE_CHARS) });
    return acc;
  }, []);
  const last = layout.at(-1);
  const bottom = last ? last.top + N_META_HEIGHT + last.name.length * N_LINE_HEIGHT + N_TRACK_HEIGHT : N_AXIS_HEIGHT;
  const height = bottom + FOOT_HEIGHT;
  const todayTime = timeOf(today, "DAY");
  const showToday = todayTime >= axis.start && todayTime <= axis.end;
  return (
    <svg
      className="timeline__svg timeline__svg--narrow"
      role="img"
      aria-labelledby={`${id}-title ${id}-desc`}
      viewBox={`0 0 ${N_WIDTH} ${height}`}
      width="100%"
      preserveAspectRatio="xMinYMin meet"
    >
      <title id={`${id}-title`}>{title}</title>
      <desc id={`${id}-desc`}>{summary(rows, today)}</desc>
      <g className="timeline__axis">
        {axis.ticks.map((year) => {
          const x = at(Date.UTC(year, 0, 1));
          return (
            <g key={year}>
              <line className="timeline__grid" x1={x} x2={x} y1={N_AXIS_HEIGHT - 6} y2={bottom} stroke="#d9d4ca" />
              <text className="timeline__tick" x={x} y={N_AXIS_HEIGHT - 12} fontSize={13} textAnchor="middle">
                {year}
              </text>
            </g>
          );
        })}
      </g>
      {showToday ? (
        <g className="timeline__today">
          <line
            x1={at(todayTime)}
            x2={at(todayTime)}
            y1={N_AXIS_HEIGHT - 6}
            y2={bottom + 4}
            stroke="#1f4e8c"
            strokeDasharray="5 3"
          />
          <text x={at(todayTime)} y={bottom + 20} fontSize={13} fontWeight={700} textAnchor="middle">
            Today
          </text>
        </g>
      ) : null}
      {rows.map(({ milestone, dates }, index) => {
        const { top, name } = layout[index];
        const trackY = top + N_META_HEIGHT + name.length * N_LINE_HEIGHT + N_TRACK_HEIGHT / 2;
        const x = (date: Date | null) => (date ? at(timeOf(date, dates.datePrecision)) : null);
        const baseline = x(dates.baselineDate);
        const target = x(dates.targetDate);
        const actual = x(dates.actualDate);
        const outcome = actual ?? target;
        return (
          <g key={milestone.id} className="timeline__row" data-milestone-id={milestone.id}>
            {index % 2 === 1 ? (
              <rect
                className="timeline__stripe"
                x={0}
                y={top - N_GAP / 2}
                width={N_WIDTH}
                height={N_META_HEIGHT + name.length * N_LINE_HEIGHT + N_TRACK_HEIGHT + N_GAP}
                fill="#f4f1ea"
              />
            ) : null}
            <rect
              className={`timeline__band timeline__band--${milestone.jurisdiction}`}
              x={0}
              y={top}
              width={6}
              height={N_META_HEIGHT + name.length * N_LINE_HEIGHT + N_TRACK_HEIGHT - 4}
            />
            <text className="timeline__jurisdiction" x={N_LEFT} y={top + 13} fontSize={12} fontWeight={700}>
              {JURISDICTION_LABELS[milestone.jurisdiction]}
            </text>
            <text
              className={`timeline__status timeline__status--${milestone.status}`}
              x={N_RIGHT}
              y={top + 13}
              fontSize={13}
              textAnchor="end"
            >
              {SCHEDULE_STATUS_LABELS[milestone.status]}
            </text>
            <text className="timeline__name" x={N_LEFT} y={top + N_META_HEIGHT + 14} fontSize={15}>
              {name.map((line, n) => (
                <tspan key={n} x={N_LEFT} dy={n === 0 ? 0 : N_LINE_HEIGHT}>
                  {line}
                </tspan>
              ))}
            </text>
            {baseline === null && outcome === null ? (
              <text className="timeline__no-date" x={N_LEFT} y={trackY + 5} fontSize={13} fontStyle="italic">
                no date recorded
              </text>
            ) : null}
            {baseline !== null && outcome !== null && baseline !== outcome ? (
              <line
                className="timeline__slip"
                x1={baseline}
                x2={outcome}
                y1={trackY}
                y2={trackY}
                stroke="#55504a"
                strokeWidth={2}
              />
            ) : null}
            {baseline !== null ? <BaselineMarker x={baseline} y={trackY} /> : null}
            {target !== null ? <TargetMarker x={target} y={trackY} status={milestone.status} /> : null}
            {actual !== null ? <ActualMarker x={actual} y={trackY} /> : null}
          </g>
        );
      })}
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
    <CardTable className="timeline__table">
      <caption>{title}: dates and status of each milestone</caption>
      <CardHead>
        <ColumnHeader>Milestone</ColumnHeader>
        <ColumnHeader>Action</ColumnHeader>
        <ColumnHeader>Responsible</ColumnHeader>
        <ColumnHeader>Baseline</ColumnHeader>
        <ColumnHeader>Target</ColumnHeader>
        <ColumnHeader>Actual</ColumnHeader>
        <ColumnHeader>Status</ColumnHeader>
        <ColumnHeader>Slip</ColumnHeader>
        <ColumnHeader>Source</ColumnHeader>
      </CardHead>
      <CardBody>
        {rows.map(({ milestone, dates }) => (
          <CardRow key={milestone.id} id={`milestone-${milestone.id}`}>
            <RowHeader>
              {milestone.name}
              {milestone.note ? <span className="timeline__table-note">{milestone.note}</span> : null}
            </RowHeader>
            <Cell label="Action">{JURISDICTION_LABELS[milestone.jurisdiction]}</Cell>
            <Cell label="Responsible">{milestone.responsible ?? "—"}</Cell>
            <Cell label="Baseline" className="timeline__date">
              {dateCell(dates.baselineDate, dates.datePrecision)}
            </Cell>
            <Cell label="Target" className="timeline__date">
              {dateCell(dates.targetDate, dates.datePrecision)}
            </Cell>
            <Cell label="Actual" className="timeline__date">
              {dateCell(dates.actualDate, dates.datePrecision)}
            </Cell>
            <Cell label="Status">
              <ScheduleStatusBadge status={milestone.status} />
            </Cell>
            <Cell label="Slip" className="timeline__date">
              {formatSlip(dates)}
            </Cell>
            <Cell label="Source">
              <SourceLink url={milestone.sourceUrl} label={`Source for ${milestone.name}`} />
            </Cell>
          </CardRow>
        ))}
      </CardBody>
    </CardTable>
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
        <NarrowTimelineChart rows={rows} today={todayDate} title={title} />
      </div>
      <Legend jurisdictions={jurisdictions} />
      <TimelineTable rows={rows} title={title} />
    </div>
  );
}
