// The review clock: days a review spent with the agency and days it spent with the applicant, the
// public "whose desk is it on" figure. Pure module (no server imports, no clock): `asOf` is always
// passed in, so the project page, feeds and tests all count the same days.
//
// The clock stops while the applicant owes the agency ANY information (NJDEP's on-time formula:
// days from receipt to completion minus days waiting for deficiency responses). Requests often
// overlap, so applicant time is the length of the union of the request intervals, never their sum:
// summing would count a day twice and could push agency days below zero.
//
// Rounding rule: every instant is floored to its UTC calendar day (Math.floor(ms / 86_400_000)),
// and a length is the difference of those day numbers. Intervals are half-open in days, [start,
// end): the day a request is issued is an applicant day, the day it is answered is an agency day
// again. So a request issued and answered on the same day costs nobody a day, and the times of day
// never matter. Because every length is an integer difference on one grid, agencyDays +
// applicantDays === totalDays exactly.
import { addUtcDays, utcDayNumber } from "~/utils/dates";

export type ClockInterval = { start: Date; end: Date | null };

export type ClockInput = {
  /** When the agency's clock starts: the package was submitted or the review opened. */
  startedAt: Date;
  /** When the review finished (decision, complete), or null while it runs. */
  stoppedAt: Date | null;
  /**
   * One per information request, from issue to answer (end null while unanswered). An answer the
   * agency returns as insufficient is a second interval, from the return until the next answer.
   */
  applicantIntervals: ClockInterval[];
  asOf: Date;
};

export type ClockResult = {
  totalDays: number;
  agencyDays: number;
  applicantDays: number;
  /** Some request is unanswered at the end point (stoppedAt, or asOf while the review runs). */
  onApplicantDesk: boolean;
  openRequests: number;
  /** The review finished on or before asOf. */
  stopped: boolean;
};

export type Desk = "agency" | "applicant" | "closed";

export const DESK_LABELS: Record<Desk, string> = {
  agency: "With the agency",
  applicant: "With the applicant",
  closed: "Review closed",
};

function fromDayNumber(day: number): Date {
  return addUtcDays(new Date(0), day);
}

// A reply recorded before its request is a data-entry error. Swapping the dates would guess, and
// treating it as open would stop the clock for good, so it counts for nothing: the days stay with
// the agency until the record is corrected. The comparison is false for invalid dates, so they go too.
function isValid(interval: ClockInterval): boolean {
  return interval.end === null || interval.end.getTime() >= interval.start.getTime();
}

/**
 * The union of `intervals` clipped to [clipStart, clipEnd], as UTC-midnight days, sorted and
 * disjoint. An open interval runs to clipEnd. Overlapping and back-to-back intervals become one;
 * intervals that end before they start, lie outside the window or are empty after clipping vanish.
 */
export function mergeIntervals(
  intervals: ClockInterval[],
  clipStart: Date,
  clipEnd: Date,
): { start: Date; end: Date }[] {
  const low = utcDayNumber(clipStart);
  const high = utcDayNumber(clipEnd);
  const clipped = intervals
    .filter(isValid)
    .map((interval) => ({
      start: Math.max(utcDayNumber(interval.start), low),
      end: Math.min(interval.end === null ? high : utcDayNumber(interval.end), high),
    }))
    .filter((interval) => interval.start < interval.end)
    .sort((a, b) => a.start - b.start);

  const merged: { start: number; end: number }[] = [];
  for (const interval of clipped) {
    const last = merged.at(-1);
    if (last && interval.start <= last.end) last.end = Math.max(last.end, interval.end);
    else merged.push({ ...interval });
  }
  return merged.map((interval) => ({ start: fromDayNumber(interval.start), end: fromDayNumber(interval.end) }));
}

/**
 * Days with the agency and with the applicant over [startedAt, stoppedAt ?? asOf]; the window never
 * runs past asOf, so a historical asOf reads the clock as it stood then. asOf before startedAt (or
 * a stop recorded before the start) gives an empty window: all zeros and nothing open.
 */
export function computeClock(input: ClockInput): ClockResult {
  const { startedAt, stoppedAt, applicantIntervals, asOf } = input;
  const stopped = stoppedAt !== null && stoppedAt.getTime() <= asOf.getTime();
  const endPoint = stopped ? stoppedAt : asOf;
  if (endPoint.getTime() < startedAt.getTime()) {
    return { totalDays: 0, agencyDays: 0, applicantDays: 0, onApplicantDesk: false, openRequests: 0, stopped };
  }

  const totalDays = utcDayNumber(endPoint) - utcDayNumber(startedAt);
  const applicantDays = mergeIntervals(applicantIntervals, startedAt, endPoint).reduce(
    (sum, interval) => sum + utcDayNumber(interval.end) - utcDayNumber(interval.start),
    0,
  );
  // Open-ness uses exact instants, not days: an answer at 09:00 means the request was not open at
  // noon that day. A request issued before the clock started still counts while it stays unanswered.
  const openRequests = applicantIntervals.filter(
    (interval) =>
      isValid(interval) &&
      interval.start.getTime() <= endPoint.getTime() &&
      (interval.end === null || interval.end.getTime() > endPoint.getTime()),
  ).length;

  return {
    totalDays,
    agencyDays: totalDays - applicantDays,
    applicantDays,
    onApplicantDesk: openRequests > 0,
    openRequests,
    stopped,
  };
}

/** Whose desk the review is on: closed once stopped, else the applicant while they owe anything. */
export function whoseDesk(result: ClockResult): Desk {
  if (result.stopped) return "closed";
  return result.onApplicantDesk ? "applicant" : "agency";
}
