// Statistics for the agency track records, pure: medians and quartiles, small-n honesty, and the
// per-milestone facts (met on its first target, slip). No server imports; tested with known answers.
import type { DatePrecision } from "@prisma/client";
import { utcDaysBetween } from "~/utils/dates";
import { periodEnd } from "./schedule";

/** Fewer cases than this and a median and spread would imply a precision the record lacks: list them instead. */
export const MIN_CASES_FOR_SUMMARY = 5;

export type Summary = {
  n: number;
  /** Null when n < MIN_CASES_FOR_SUMMARY (the page lists the values instead). */
  median: number | null;
  q1: number | null;
  q3: number | null;
  min: number | null;
  max: number | null;
};

/** Quantile by linear interpolation between closest ranks (Hyndman & Fan type 7, as R and NumPy default). */
export function quantile(sorted: number[], p: number): number {
  if (sorted.length === 0) throw new Error("quantile of no values");
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.ceil(h);
  return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
}

export function summarize(values: number[]): Summary {
  const sorted = [...values].sort((a, b) => a - b);
  const n = sorted.length;
  if (n === 0) return { n, median: null, q1: null, q3: null, min: null, max: null };
  const enough = n >= MIN_CASES_FOR_SUMMARY;
  return {
    n,
    median: enough ? quantile(sorted, 0.5) : null,
    q1: enough ? quantile(sorted, 0.25) : null,
    q3: enough ? quantile(sorted, 0.75) : null,
    min: sorted[0],
    max: sorted[n - 1],
  };
}

export type MilestoneFacts = {
  baselineDate: Date | null;
  targetDate: Date | null;
  actualDate: Date | null;
  datePrecision: DatePrecision;
  /** The target before its first recorded move (MilestoneDateChange.previousDate), if it moved. */
  firstRecordedTarget: Date | null;
  moves: number;
};

/**
 * The target a milestone was first given: the date before its first recorded move, else its
 * baseline. A milestone with neither (most of the imported public record, where only what happened
 * is known) has no first target to judge: its current "target" is the outcome, not a promise, and
 * counting it as met would flatter every agency.
 */
export function firstTarget(m: MilestoneFacts): Date | null {
  if (m.moves > 0 && m.firstRecordedTarget) return m.firstRecordedTarget;
  return m.baselineDate;
}

/** Met on its first target: done no later than the first target's period end. Null when not judged. */
export function metFirstTarget(m: MilestoneFacts): boolean | null {
  const first = firstTarget(m);
  if (!m.actualDate || !first) return null;
  return periodEnd(m.actualDate, m.datePrecision) <= periodEnd(first, m.datePrecision);
}

/** Days between two calendar dates, each read at the start of its own period (for durations). */
export function daysBetweenDates(from: Date, to: Date): number {
  return utcDaysBetween(from, to);
}

export const formatDays = (n: number | null) =>
  n === null ? "—" : new Intl.NumberFormat("en-US", { maximumFractionDigits: 0 }).format(n);
