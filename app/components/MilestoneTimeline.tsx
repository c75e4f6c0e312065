// The schedule of every action on a project (federal, state, tribal, court) in one picture: an SVG
// drawn on the server, so it reads without JavaScript, followed by the same facts as a table for
// screen readers, small screens and anyone copying the numbers.
import type { DatePrecision, Jurisdiction } from "@prisma/client";
import { useId, type ReactNode } from "react";
import { CardBody, CardHead, CardRow, CardTable, Cell, ColumnHeader, RowHeader } from "~/components/CardTable";
import { SourceLink } from "~/components/ExternalLink";
import { ScheduleStatusBadge } from "~/components/ScheduleStatus";
import { JURISDICTION_LABELS } from "~/models/milestone.labels";
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

/**
 * One milestone as either chart draws it: its words and where its marks fall on a track. The wide
 * and the narrow chart place rows differently but take everything they draw from here, so the two
 * cannot come to disagree about a milestone.
 */
type RowModel = {
  id: string;
  name: string;
  jurisdiction: Jurisdiction;
  status: ScheduleStatus;
  /** Where the baseline, current target and actual date fall on the track (null: no such date). */
  baseline: number | null;
  target: number | null;
  actual: number | null;
  /** The slip runs from the baseline to where the milestone ended up: its actual date once done, else its target. */
  slip: { from: number; to: number } | null;
  /** Neither a baseline nor an outcome: the row says so instead of drawing marks. */
  undated: boolean;
};

function rowModel({ milestone, dates }: Row, x: (time: number) => number): RowModel {
  const at = (date: Date | null) => (date ? x(timeOf(date, dates.datePrecision)) : null);
  const baseline = at(dates.baselineDate);
  const target = at(dates.targetDate);
  const actual = at(dates.actualDate);
  const outcome = actual ?? target;
  return {
    id: milestone.id,
    name: milestone.name,
    jurisdiction: milestone.jurisdiction,
    status: milestone.status,
    baseline,
    target,
    actual,
    slip: baseline !== null && outcome !== null && baseline !== outcome ? { from: baseline, to: outcome } : null,
    undated: baseline === null && outcome === null,
  };
}

/** A row's track: its marks and slip at height `y`, or "no date recorded" starting at `undatedX`. */
function RowTrack({ row, y, undatedX }: { row: RowModel; y: number; undatedX: number }) {
  return (
    <>
      {row.undated ? (
        <text className="timeline__no-date" x={undatedX} y={y + 5} fontSize={13} fontStyle="italic">
          no date recorded
        </text>
      ) : null}
      {row.slip ? (
        <line
          className="timeline__slip"
          x1={row.slip.from}
          x2={row.slip.to}
          y1={y}
          y2={y}
          stroke="#55504a"
          strokeWidth={2}
        />
      ) : null}
      {row.baseline !== null ? <BaselineMarker x={row.baseline} y={y} /> : null}
      {row.target !== null ? <TargetMarker x={row.target} y={y} status={row.status} /> : null}
      {row.actual !== null ? <ActualMarker x={row.actual} y={y} /> : null}
    </>
  );
}

/** The coloured band that marks whose action a row is, at the row's left edge. */
function JurisdictionBand({ row, y, height }: { row: RowModel; y: number; height: number }) {
  return (
    <rect className={`timeline__band timeline__band--${row.jurisdiction}`} x={0} y={y} width={6} height={height} />
  );
}

function JurisdictionLabel({ row, x, y }: { row: RowModel; x: number; y: number }) {
  return (
    <text className="timeline__jurisdiction" x={x} y={y} fontSize={12} fontWeight={700}>
      {JURISDICTION_LABELS[row.jurisdiction]}
    </text>
  );
}

function StatusLabel({ row, x, y, anchor }: { row: RowModel; x: number; y: number; anchor?: "end" }) {
  return (
    <text className={`timeline__status timeline__status--${row.status}`} x={x} y={y} fontSize={13} textAnchor={anchor}>
      {SCHEDULE_STATUS_LABELS[row.status]}
    </text>
  );
}

// Half a year label's width at its font size: a label this close to an edge is anchored at its end.
const TICK_HALF_WIDTH = 16;

/**
 * Year lines and labels across a chart `width` wide, from `top` (labels above it) down to `bottom`.
 * A label at the chart's edge is anchored inside it, not cut in half (the phone's first and last year).
 */
function YearAxis({
  axis,
  x,
  top,
  bottom,
  width,
}: {
  axis: Axis;
  x: (time: number) => number;
  top: number;
  bottom: number;
  width: number;
}) {
  return (
    <g className="timeline__axis">
      {axis.ticks.map((year) => {
        const at = x(Date.UTC(year, 0, 1));
        return (
          <g key={year}>
            <line className="timeline__grid" x1={at} x2={at} y1={top - 6} y2={bottom} stroke="#d9d4ca" />
            <text
              className="timeline__tick"
              x={at}
              y={top - 12}
              fontSize={13}
              textAnchor={at < TICK_HALF_WIDTH ? "start" : at > width - TICK_HALF_WIDTH ? "end" : "middle"}
            >
              {year}
            </text>
          </g>
        );
      })}
    </g>
  );
}

/** Today's dashed line and its label under the chart, when today falls within the axis. */
function TodayLine({
  axis,
  x,
  today,
  top,
  bottom,
}: {
  axis: Axis;
  x: (time: number) => number;
  today: Date;
  top: number;
  bottom: number;
}) {
  const time = timeOf(today, "DAY");
  if (time < axis.start || time > axis.end) return null;
  const at = x(time);
  return (
    <g className="timeline__today">
      <line x1={at} x2={at} y1={top - 6} y2={bottom + 4} stroke="#1f4e8c" strokeDasharray="5 3" />
      <text x={at} y={bottom + 20} fontSize={13} fontWeight={700} textAnchor="middle">
        Today
      </text>
    </g>
  );
}

function MilestoneRow({ row, index }: { row: RowModel; index: number }) {
  const top = AXIS_HEIGHT + index * ROW_HEIGHT;
  const y = top + ROW_HEIGHT / 2;
  return (
    <g className="timeline__row" data-milestone-id={row.id}>
      <title>{`${row.name} (${JURISDICTION_LABELS[row.jurisdiction]}): ${SCHEDULE_STATUS_LABELS[row.status]}`}</title>
      <JurisdictionBand row={row} y={top + 4} height={ROW_HEIGHT - 8} />
      <JurisdictionLabel row={row} x={14} y={y + 4} />
      <text className="timeline__name" x={NAME_LEFT} y={y + 5} fontSize={14}>
        {truncate(row.name)}
      </text>
      <RowTrack row={row} y={y} undatedX={PLOT_LEFT + 8} />
      <StatusLabel row={row} x={STATUS_LEFT} y={y + 5} />
    </g>
  );
}

function TimelineChart({ rows, today, title }: { rows: Row[]; today: Date; title: string }) {
  const id = useId();
  const axis = yearAxis(rows, today);
  const x = (time: number) => xOf(time, axis);
  const height = AXIS_HEIGHT + rows.length * ROW_HEIGHT + FOOT_HEIGHT;
  const bottom = AXIS_HEIGHT + rows.length * ROW_HEIGHT;
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
      <YearAxis axis={axis} x={x} top={AXIS_HEIGHT} bottom={bottom} width={WIDTH} />
      <TodayLine axis={axis} x={x} today={today} top={AXIS_HEIGHT} bottom={bottom} />
      {rows.map((row, index) => (
        <MilestoneRow key={row.milestone.id} row={rowModel(row, x)} index={index} />
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
  const x = (time: number) => xOf(time, axis, N_LEFT, N_RIGHT);
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
      <YearAxis axis={axis} x={x} top={N_AXIS_HEIGHT} bottom={bottom} width={N_WIDTH} />
      <TodayLine axis={axis} x={x} today={today} top={N_AXIS_HEIGHT} bottom={bottom} />
      {rows.map((source, index) => {
        const row = rowModel(source, x);
        const { top, name } = layout[index];
        const textHeight = N_META_HEIGHT + name.length * N_LINE_HEIGHT;
        const trackY = top + textHeight + N_TRACK_HEIGHT / 2;
        return (
          <g key={row.id} className="timeline__row" data-milestone-id={row.id}>
            {index % 2 === 1 ? (
              <rect
                className="timeline__stripe"
                x={0}
                y={top - N_GAP / 2}
                width={N_WIDTH}
                height={textHeight + N_TRACK_HEIGHT + N_GAP}
                fill="#f4f1ea"
              />
            ) : null}
            <JurisdictionBand row={row} y={top} height={textHeight + N_TRACK_HEIGHT - 4} />
            <JurisdictionLabel row={row} x={N_LEFT} y={top + 13} />
            <StatusLabel row={row} x={N_RIGHT} y={top + 13} anchor="end" />
            <text className="timeline__name" x={N_LEFT} y={top + N_META_HEIGHT + 14} fontSize={15}>
              {name.map((line, n) => (
                <tspan key={n} x={N_LEFT} dy={n === 0 ? 0 : N_LINE_HEIGHT}>
                  {line}
                </tspan>
              ))}
            </text>
            <RowTrack row={row} y={trackY} undatedX={N_LEFT} />
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
