// Schedule status: the one place the complete / on track / at risk / missed / delayed / paused
// rules live. Pure module (no server imports, no clock): `today` is always passed in as a Date at
// UTC midnight, so the project page, feeds and tests all judge a schedule the same way.
import type { DatePrecision, ProjectStatus } from "@prisma/client";
import { utcDaysBetween } from "~/utils/dates";

export type ScheduleStatus = "complete" | "on_track" | "at_risk" | "missed" | "delayed" | "paused";

export const SCHEDULE_STATUS_LABELS: Record<ScheduleStatus, string> = {
  complete: "Complete",
  on_track: "On track",
  at_risk: "At risk",
  missed: "Missed",
  delayed: "Delayed",
  paused: "Paused",
};

// Calendar dates as stored (`@db.Date`, UTC midnight). One precision describes all three dates:
// public sources often give only a month or a year.
export type MilestoneDates = {
  baselineDate: Date | null;
  targetDate: Date | null;
  actualDate: Date | null;
  datePrecision: DatePrecision;
};

/** A target this many days ahead (inclusive) or fewer, and not done, is at risk. */
export const AT_RISK_WINDOW_DAYS = 30;

// Severity for the project roll-up, worst first. Complete and paused are decided before it.
const SEVERITY: ScheduleStatus[] = ["missed", "at_risk", "delayed", "on_track"];

/** The first day of the day, month or year that `date` stands for. */
export function periodStart(date: Date, precision: DatePrecision): Date {
  const year = date.getUTCFullYear();
  if (precision === "YEAR") return new Date(Date.UTC(year, 0, 1));
  if (precision === "MONTH") return new Date(Date.UTC(year, date.getUTCMonth(), 1));
  return new Date(Date.UTC(year, date.getUTCMonth(), date.getUTCDate()));
}

/**
 * The last day of the day, month or year that `date` stands for.
 *
 * Every comparison below uses the end of the period, never the stored day: "Feb 2026" is stored as
 * Feb 1 but means "some day in February", so it is only missed after Feb 28 and is not later than a
 * baseline of Feb 10. A public record must not call an agency late before it can be known to be.
 */
export function periodEnd(date: Date, precision: DatePrecision): Date {
  const year = date.getUTCFullYear();
  if (precision === "YEAR") return new Date(Date.UTC(year, 11, 31));
  if (precision === "MONTH") return new Date(Date.UTC(year, date.getUTCMonth() + 1, 0));
  return new Date(Date.UTC(year, date.getUTCMonth(), date.getUTCDate()));
}

/**
 * The overdue rule, shared by the project page, /schedule, the watchlists and the alert job: a
 * milestone is overdue when it has a target, no actual date, and the whole period its target stands
 * for has ended before `today` (UTC midnight). A month-precision target is not overdue before the
 * month ends, a year-precision one before Dec 31. A paused project's milestones are judged by the
 * caller (milestoneStatus reads "paused" first).
 */
export function isOverdue(m: MilestoneDates, today: Date): boolean {
  return daysOverdue(m, today) !== null;
}

/**
 * Days since the target's period ended, for an overdue milestone (1 on the first day after); null
 * when it is not overdue. Counted from the period's end, so a month target is 1 day overdue on the
 * first day of the next month.
 */
export function daysOverdue(m: MilestoneDates, today: Date): number | null {
  if (m.actualDate || !m.targetDate) return null;
  const days = utcDaysBetween(periodEnd(m.targetDate, m.datePrecision), today);
  return days > 0 ? days : null;
}

/**
 * Status of one milestone. Precedence: complete > paused > missed > at risk > delayed > on track.
 *
 * A milestone with no target and no actual date is on track (unless the project is paused): with no
 * date promised there is nothing to have missed, and the table shows "—" so the gap stays visible.
 * The one `datePrecision` covers the baseline too; a baseline recorded to the day is compared at the
 * milestone's (coarser or equal) precision, so a MONTH target in the baseline's month is not delayed.
 */
export function milestoneStatus(m: MilestoneDates, ctx: { today: Date; projectPaused: boolean }): ScheduleStatus {
  if (m.actualDate) return "complete";
  if (ctx.projectPaused) return "paused";
  if (!m.targetDate) return "on_track";
  if (isOverdue(m, ctx.today)) return "missed";
  const daysLeft = utcDaysBetween(ctx.today, periodEnd(m.targetDate, m.datePrecision));
  if (daysLeft <= AT_RISK_WINDOW_DAYS) return "at_risk";
  if (m.baselineDate && periodEnd(m.targetDate, m.datePrecision) > periodEnd(m.baselineDate, m.datePrecision)) {
    return "delayed";
  }
  return "on_track";
}

/**
 * Days from baseline to the target (or to the actual date once complete); positive means later than
 * the baseline. Null when either date is missing. Measured between period ends, like the status, so
 * a MONTH target in the baseline's month is 0.
 */
export function slipDays(m: MilestoneDates): number | null {
  const outcome = m.actualDate ?? m.targetDate;
  if (!m.baselineDate || !outcome) return null;
  return utcDaysBetween(periodEnd(m.baselineDate, m.datePrecision), periodEnd(outcome, m.datePrecision));
}

/**
 * The slip in words: "+61 days", "−3 days", "on baseline" or "—". Dates known only to the month or
 * year slip in whole months or years; "+59 days" would claim a precision the record does not have.
 */
export function formatSlip(m: MilestoneDates): string {
  const days = slipDays(m);
  const outcome = m.actualDate ?? m.targetDate;
  if (days === null || !m.baselineDate || !outcome) return "—";
  const years = outcome.getUTCFullYear() - m.baselineDate.getUTCFullYear();
  const months = years * 12 + outcome.getUTCMonth() - m.baselineDate.getUTCMonth();
  const [amount, unit] =
    m.datePrecision === "YEAR" ? [years, "year"] : m.datePrecision === "MONTH" ? [months, "month"] : [days, "day"];
  if (amount === 0) return "on baseline";
  const sign = amount > 0 ? "+" : "−";
  const size = Math.abs(amount);
  return `${sign}${size} ${unit}${size === 1 ? "" : "s"}`;
}

/**
 * Schedule status of a whole project: paused when the project is paused; complete when it has
 * milestones and all are complete; otherwise the worst status among the incomplete milestones.
 *
 * Terminal projects (APPROVED, DENIED, WITHDRAWN) are judged the same way: an incomplete milestone
 * still counts (a pending court case after approval is real schedule news), so a withdrawn project
 * whose remaining targets passed reads as missed. The project status badge tells the rest.
 * No milestones at all is on track: nothing is late. Callers should show "no milestones recorded"
 * rather than a badge when `summarizeSchedule(...).total` is 0.
 */
const CLOSED_STATUSES: ReadonlySet<ProjectStatus> = new Set(["APPROVED", "DENIED", "WITHDRAWN"]);

export function projectScheduleStatus(
  milestones: MilestoneDates[],
  ctx: { today: Date; projectStatus: ProjectStatus },
): ScheduleStatus {
  if (ctx.projectStatus === "PAUSED") return "paused";
  const statuses = milestones.map((m) => milestoneStatus(m, { today: ctx.today, projectPaused: false }));
  // "Complete" only once the record is closed: an open review whose recorded milestones are all done
  // is simply not late (its next milestones are not scheduled yet), so it reads "on track".
  if (statuses.length > 0 && statuses.every((status) => status === "complete")) {
    return CLOSED_STATUSES.has(ctx.projectStatus) ? "complete" : "on_track";
  }
  return SEVERITY.find((status) => statuses.includes(status)) ?? "on_track";
}

export type ScheduleSummary = {
  status: ScheduleStatus;
  counts: Record<ScheduleStatus, number>;
  /** For "N of M milestones complete": every milestone counts, dated or not. */
  total: number;
  complete: number;
};

export function summarizeSchedule(
  milestones: MilestoneDates[],
  ctx: { today: Date; projectStatus: ProjectStatus },
): ScheduleSummary {
  const counts: Record<ScheduleStatus, number> = {
    complete: 0,
    on_track: 0,
    at_risk: 0,
    missed: 0,
    delayed: 0,
    paused: 0,
  };
  const projectPaused = ctx.projectStatus === "PAUSED";
  for (const m of milestones) counts[milestoneStatus(m, { today: ctx.today, projectPaused })] += 1;
  return {
    status: projectScheduleStatus(milestones, ctx),
    counts,
    total: milestones.length,
    complete: counts.complete,
  };
}
