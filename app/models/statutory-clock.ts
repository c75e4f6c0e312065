// The statutory NEPA deadline (42 U.S.C. 4336a(g), added by the Fiscal Responsibility Act of 2023,
// signed June 3, 2023): the rules as data (STATUTORY_RULES) and one pure function that applies them
// (statutoryClock). No server imports, no clock: `today` is passed in as a Date at UTC midnight, so
// the project page, /schedule/statutory, the agency statistics, the alert job and the tests judge a
// deadline the same way.
//
// What the law says, and how it is read here:
// - An environmental impact statement is due within 2 years and an environmental assessment within
//   1 year, counted from the sooner of: the agency's determination that one is required; the
//   agency's notice to an applicant that its application for a right-of-way is complete; and the
//   notice of intent. Lodestone finds these events among the project's milestones: a regulator
//   marks a milestone with its statutory role (Milestone.statutoryRole). The earliest one with an
//   actual date starts the clock. A plan of operations deemed complete is NOT a right-of-way
//   application, so it is not marked as one in the demo data.
// - The review is complete on the date of its decision (the record of decision for an EIS, the
//   decision record / FONSI for an EA): the milestone marked DECISION.
// - The lead agency may extend the deadline in consultation with the applicant, by only as much
//   time as needed, and must say so: each extension is a new deadline with its reason
//   (StatutoryExtension). The latest extension's date is the deadline.
// - Nothing in the statute stops the clock while a project is paused. Pauses are counted and shown
//   beside the clock, but only a recorded extension moves the deadline.
// - A review whose clock started before June 3, 2023 gets the same arithmetic, labelled as a
//   reference, not a legal deadline, and raises no alerts.
// - Precision: a start known only to the month or the year gives a deadline known to the same
//   precision ("Mar 2018"). Days left are counted to the END of the deadline's period and days
//   elapsed from the START of the start's period, so neither figure understates what is known; a
//   deadline is missed only once its whole period has passed, and a decision inside the deadline's
//   period of a coarse deadline is "undetermined" rather than met or missed. A start whose period
//   straddles June 3, 2023 (a "Jun 2023" notice) is a reference: a legal deadline must be certain.
import type { DatePrecision, ReviewTrack } from "@prisma/client";
import { utcDaysBetween } from "~/utils/dates";
import { periodEnd, periodStart } from "./schedule";

export type StatutoryRole = "NOTICE_OF_INTENT" | "DETERMINATION" | "APPLICATION_COMPLETE" | "DECISION";
export const STATUTORY_ROLE_VALUES = [
  "NOTICE_OF_INTENT",
  "DETERMINATION",
  "APPLICATION_COMPLETE",
  "DECISION",
] as const satisfies readonly StatutoryRole[];
export type StartRole = Exclude<StatutoryRole, "DECISION">;

/** The rules, as data: what the page, the tests and the decision record all read. */
export const STATUTORY_RULES = {
  citation: "42 U.S.C. 4336a(g)",
  /** The Fiscal Responsibility Act of 2023 was signed on this day. */
  effectiveDate: new Date(Date.UTC(2023, 5, 3)),
  /** Years from the clock's start to the deadline, per review track. */
  limitYears: { EIS: 2, EA: 1 } satisfies Record<ReviewTrack, number>,
  /** The events that can start the clock; the sooner of them does. */
  startRoles: ["DETERMINATION", "APPLICATION_COMPLETE", "NOTICE_OF_INTENT"] as const satisfies readonly StartRole[],
  /** Alerts before a running legal deadline, in days (the missed alert comes after it). */
  alertDays: [90, 30] as const,
} as const;

export const STATUTORY_ROLE_LABELS: Record<StatutoryRole, string> = {
  NOTICE_OF_INTENT: "Notice of intent",
  DETERMINATION: "Agency's determination that an EIS or EA is required",
  APPLICATION_COMPLETE: "Notice that the right-of-way application is complete",
  DECISION: "Decision completing the review (record of decision, FONSI)",
};

export type ClockEvent = {
  milestoneId: string;
  name: string;
  role: StatutoryRole;
  /** The actual date; null while the event has not happened (it cannot start or stop the clock). */
  date: Date | null;
  precision: DatePrecision;
};

export type ClockExtension = {
  id: string;
  /** The new deadline (a calendar day). */
  newDeadline: Date;
  reason: string;
  recordedAt: Date;
  sourceUrl: string | null;
};

export type ClockPause = { startedAt: Date; liftedAt: Date | null };

export type ClockInput = {
  track: ReviewTrack;
  events: ClockEvent[];
  extensions: ClockExtension[];
  pauses: ClockPause[];
  today: Date;
};

/** running: no decision and the deadline's period has not passed; undetermined: see the header. */
export type ClockOutcome = "running" | "met" | "missed" | "undetermined";
export type ClockAlert = "none" | "90d" | "30d" | "missed";

export type StatutoryClock =
  | { state: "not_started"; track: ReviewTrack; limitYears: number }
  | {
      state: ClockOutcome;
      track: ReviewTrack;
      limitYears: number;
      /** "statutory": a legal deadline; "reference": began before June 3, 2023. */
      basis: "statutory" | "reference";
      start: ClockEvent & { date: Date };
      /** The other start events with dates, for "started by the sooner of". */
      otherStarts: (ClockEvent & { date: Date })[];
      originalDeadline: Date;
      deadline: Date;
      /** The deadline is known to this precision (DAY once extended to a day). */
      deadlinePrecision: DatePrecision;
      /** Oldest first; only those later than the deadline before them count. */
      extensions: ClockExtension[];
      /** Days the extensions added, from the original deadline's period end to the deadline's. */
      extendedDays: number;
      decision: (ClockEvent & { date: Date }) | null;
      /** Days from the start's period start to the decision's period end (or today). */
      elapsedDays: number;
      /** Days from today to the deadline's period end; negative once past; null once decided. */
      daysLeft: number | null;
      /** Days the project was paused between the start and the decision (or today). */
      pausedDays: number;
      /** Only statutory clocks without a decision raise alerts. */
      alert: ClockAlert;
      /** True when a date is known only to the month or year, so the day counts are bounds. */
      approximate: boolean;
    };

/** `date` plus whole years; Feb 29 becomes Feb 28 in a year without one (never past the month). */
export function addYears(date: Date, years: number): Date {
  const year = date.getUTCFullYear() + years;
  const month = date.getUTCMonth();
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return new Date(Date.UTC(year, month, Math.min(date.getUTCDate(), lastDay)));
}

const dated = (event: ClockEvent): event is ClockEvent & { date: Date } => event.date !== null;

function overlapDays(pauses: ClockPause[], from: Date, to: Date): number {
  // Pauses do not overlap in the record; if they did, the sum would overcount, so merge first.
  const spans = pauses
    .map((p) => ({
      start: Math.max(periodStart(p.startedAt, "DAY").getTime(), from.getTime()),
      end: Math.min(periodStart(p.liftedAt ?? to, "DAY").getTime(), to.getTime()),
    }))
    .filter((s) => s.start < s.end)
    .sort((a, b) => a.start - b.start);
  let total = 0;
  let reach = -Infinity;
  for (const span of spans) {
    const start = Math.max(span.start, reach);
    if (span.end > start) total += (span.end - start) / 86_400_000;
    reach = Math.max(reach, span.end);
  }
  return Math.round(total);
}

/** Applies STATUTORY_RULES to one project's record. */
export function statutoryClock(input: ClockInput): StatutoryClock {
  const { track, today } = input;
  const limitYears = STATUTORY_RULES.limitYears[track];
  const startRoles: readonly StatutoryRole[] = STATUTORY_RULES.startRoles;
  // The sooner of the start events: earliest by the first day each date can stand for.
  const starts = input.events
    .filter((e) => startRoles.includes(e.role))
    .filter(dated)
    .sort(
      (a, b) =>
        periodStart(a.date, a.precision).getTime() - periodStart(b.date, b.precision).getTime() ||
        periodEnd(a.date, a.precision).getTime() - periodEnd(b.date, b.precision).getTime(),
    );
  const start = starts[0];
  if (!start) return { state: "not_started", track, limitYears };

  // The earliest decision on or after the start (a decision before the clock began is another review's).
  const decision =
    input.events
      .filter((e) => e.role === "DECISION")
      .filter(dated)
      .filter((e) => periodEnd(e.date, e.precision) >= periodStart(start.date, start.precision))
      .sort((a, b) => periodStart(a.date, a.precision).getTime() - periodStart(b.date, b.precision).getTime())[0] ??
    null;

  const originalDeadline = addYears(periodStart(start.date, start.precision), limitYears);
  let deadline = originalDeadline;
  let deadlinePrecision: DatePrecision = start.precision;
  const extensions: ClockExtension[] = [];
  for (const extension of [...input.extensions].sort((a, b) => a.recordedAt.getTime() - b.recordedAt.getTime())) {
    // An "extension" to a date no later than the deadline in force extends nothing: it is ignored
    // here (the form refuses it; imported data might hold one).
    if (extension.newDeadline <= periodEnd(deadline, deadlinePrecision)) continue;
    extensions.push(extension);
    deadline = periodStart(extension.newDeadline, "DAY");
    deadlinePrecision = "DAY";
  }
  const deadlineStart = periodStart(deadline, deadlinePrecision);
  const deadlineEnd = periodEnd(deadline, deadlinePrecision);
  const extendedDays = extensions.length
    ? utcDaysBetween(periodEnd(originalDeadline, start.precision), deadlineEnd)
    : 0;

  const basis = periodStart(start.date, start.precision) >= STATUTORY_RULES.effectiveDate ? "statutory" : "reference";
  const clockStart = periodStart(start.date, start.precision);
  const stop = decision ? periodEnd(decision.date, decision.precision) : today;
  const elapsedDays = Math.max(0, utcDaysBetween(clockStart, stop));
  const pausedDays = overlapDays(input.pauses, clockStart, stop);

  let state: ClockOutcome;
  let daysLeft: number | null = null;
  if (decision) {
    // Met only if the decision is on or before even the earliest day the deadline can be; missed
    // only if it is after even the latest; otherwise the record cannot tell.
    if (periodEnd(decision.date, decision.precision) <= deadlineStart) state = "met";
    else if (periodStart(decision.date, decision.precision) > deadlineEnd) state = "missed";
    else state = "undetermined";
  } else {
    daysLeft = utcDaysBetween(today, deadlineEnd);
    state = daysLeft < 0 ? "missed" : "running";
  }

  let alert: ClockAlert = "none";
  if (basis === "statutory" && !decision && daysLeft !== null) {
    if (daysLeft < 0) alert = "missed";
    else if (daysLeft <= 30) alert = "30d";
    else if (daysLeft <= 90) alert = "90d";
  }

  return {
    state,
    track,
    limitYears,
    basis,
    start,
    otherStarts: starts.slice(1),
    originalDeadline,
    deadline,
    deadlinePrecision,
    extensions,
    extendedDays,
    decision,
    elapsedDays,
    daysLeft,
    pausedDays,
    alert,
    approximate: start.precision !== "DAY" || (decision !== null && decision.precision !== "DAY"),
  };
}

export const CLOCK_OUTCOME_LABELS: Record<ClockOutcome | "not_started", string> = {
  not_started: "Not started",
  running: "Running",
  met: "Met",
  missed: "Missed",
  undetermined: "Cannot tell (dates known only to the month or year)",
};

/** A clock as the pages show it: every date formatted at its own precision, nothing left to compute. */
export type ClockView =
  | { state: "not_started"; trackLabel: string; limit: string }
  | {
      state: ClockOutcome;
      stateLabel: string;
      basis: "statutory" | "reference";
      trackLabel: string;
      limit: string;
      start: { name: string; role: string; date: string };
      otherStarts: { name: string; role: string; date: string }[];
      originalDeadline: string;
      deadline: string;
      /** ISO date of the deadline's last possible day, for sorting and CSV. */
      deadlineIso: string;
      extensions: { id: string; newDeadline: string; reason: string; recordedAt: string; sourceUrl: string | null }[];
      extendedDays: number;
      decision: { name: string; date: string } | null;
      elapsedDays: number;
      daysLeft: number | null;
      pausedDays: number;
      alert: ClockAlert;
      approximate: boolean;
    };

const TRACK_LABELS: Record<ReviewTrack, string> = {
  EIS: "Environmental impact statement",
  EA: "Environmental assessment",
};

export function clockView(clock: StatutoryClock, format: (date: Date, precision: DatePrecision) => string): ClockView {
  const limit = `${clock.limitYears} year${clock.limitYears === 1 ? "" : "s"}`;
  const trackLabel = TRACK_LABELS[clock.track];
  if (clock.state === "not_started") return { state: "not_started", trackLabel, limit };
  const event = (e: ClockEvent & { date: Date }) => ({
    name: e.name,
    role: STATUTORY_ROLE_LABELS[e.role],
    date: format(e.date, e.precision),
  });
  return {
    state: clock.state,
    stateLabel: CLOCK_OUTCOME_LABELS[clock.state],
    basis: clock.basis,
    trackLabel,
    limit,
    start: event(clock.start),
    otherStarts: clock.otherStarts.map(event),
    originalDeadline: format(clock.originalDeadline, clock.start.precision),
    deadline: format(clock.deadline, clock.deadlinePrecision),
    deadlineIso: periodEnd(clock.deadline, clock.deadlinePrecision).toISOString().slice(0, 10),
    extensions: clock.extensions.map((x) => ({
      id: x.id,
      newDeadline: format(x.newDeadline, "DAY"),
      reason: x.reason,
      recordedAt: format(x.recordedAt, "DAY"),
      sourceUrl: x.sourceUrl,
    })),
    extendedDays: clock.extendedDays,
    decision: clock.decision
      ? { name: clock.decision.name, date: format(clock.decision.date, clock.decision.precision) }
      : null,
    elapsedDays: clock.elapsedDays,
    daysLeft: clock.daysLeft,
    pausedDays: clock.pausedDays,
    alert: clock.alert,
    approximate: clock.approximate,
  };
}
