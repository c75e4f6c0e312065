// The one date module. Browser-safe and pure; the Intl arithmetic for zones is in ./zoned-time.
//
// Lodestone shows three kinds of date, each its own way (the README states the rule):
// - A calendar date (a milestone, a due date, an event taken from the public record) is a day, a
//   month or a year with no time of day. It is stored as a UTC date (midnight, or noon for record
//   events) and shown at its precision, read in UTC so no zone can move it: "Jan 2021", never
//   "Jan 1, 2021".
// - An instant that belongs to a project (stage change, deadline, moderation action, receipt,
//   official response) is shown in the lead agency's zone, with the zone named; deadlines also carry
//   the UTC offset ("11:59 PM PDT, UTC-7") so nobody has to know the abbreviation.
// - An instant in a person's own list (notifications, digests) may use that person's zone, named.
//
// Day counts: `utcDaysBetween` counts UTC calendar days (midnight boundaries crossed), which is what
// "due in 3 days" and "waiting 2 days" mean for dates and for instants alike. Elapsed durations
// (countdowns) divide by DAY_MS and say so at the call.
import { DAY_MS, formatInZone, isValidTimeZone, utcOffsetMinutes, utcToZonedParts } from "./zoned-time";

export { DAY_MS };

/** How much of a date the record knows. Same names as Prisma's DatePrecision enum. */
export type DatePrecision = "DAY" | "MONTH" | "YEAR";

const CALENDAR_OPTIONS: Record<DatePrecision, Intl.DateTimeFormatOptions> = {
  DAY: { year: "numeric", month: "short", day: "numeric", timeZone: "UTC" },
  MONTH: { year: "numeric", month: "short", timeZone: "UTC" },
  YEAR: { year: "numeric", timeZone: "UTC" },
};
const CALENDAR_FORMATS: Record<DatePrecision, Intl.DateTimeFormat> = {
  DAY: new Intl.DateTimeFormat("en-US", CALENDAR_OPTIONS.DAY),
  MONTH: new Intl.DateTimeFormat("en-US", CALENDAR_OPTIONS.MONTH),
  YEAR: new Intl.DateTimeFormat("en-US", CALENDAR_OPTIONS.YEAR),
};

const localCalendarFormats = new Map<string, Intl.DateTimeFormat>();

/**
 * "Jan 21, 2020", "Jan 2020" or "2020": a calendar date, never more precise than the record. In
 * another language (`locale`, e.g. "es": "21 ene 2020"), the same fields in its own order.
 */
export function formatCalendarDate(value: Date | string, precision: DatePrecision = "DAY", locale = "en"): string {
  if (locale === "en") return CALENDAR_FORMATS[precision].format(new Date(value));
  const key = `${locale}|${precision}`;
  let format = localCalendarFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, CALENDAR_OPTIONS[precision]);
    if (localCalendarFormats.size < 100) localCalendarFormats.set(key, format);
  }
  return format.format(new Date(value));
}

/** "YYYY-MM-DD" of a calendar date (its UTC day): date inputs, CSV and JSON values. */
export function isoDay(value: Date | string): string {
  return new Date(value).toISOString().slice(0, 10);
}

/** "2021-01", "2013" or "2020-01-21": the ISO 8601 reduced-precision form for exports and APIs. */
export function isoCalendarDate(value: Date | string, precision: DatePrecision = "DAY"): string {
  const day = isoDay(value);
  return precision === "YEAR" ? day.slice(0, 4) : precision === "MONTH" ? day.slice(0, 7) : day;
}

/** "UTC-7", "UTC+5:30", "UTC+0": the offset in force in `timeZone` at `instant`. */
export function utcOffsetLabel(instant: Date | string, timeZone: string): string {
  const minutes = utcOffsetMinutes(new Date(instant), timeZone);
  const sign = minutes < 0 ? "-" : "+";
  const abs = Math.abs(minutes);
  const rest = abs % 60;
  return `UTC${sign}${Math.floor(abs / 60)}${rest ? `:${String(rest).padStart(2, "0")}` : ""}`;
}

/**
 * "Dec 1, 2026, 7:30 PM PST": when something happened, to the minute, in `timeZone` (the lead
 * agency's for project events, the person's own for their lists), with the zone named.
 */
export function formatEventTime(instant: Date | string, timeZone: string, locale = "en"): string {
  const ms = new Date(instant).getTime();
  return formatInZone(new Date(Math.floor(ms / 60_000) * 60_000), timeZone, { locale });
}

/**
 * When a project event happened. `precision` null means the moment is known (a change made in the
 * app): shown in the zone, named. A precision means the record knows only the day, month or year
 * (history imported from public sources): shown as that calendar date and nothing more.
 */
export function formatEventWhen(instant: Date | string, timeZone: string, precision: DatePrecision | null): string {
  return precision ? formatCalendarDate(instant, precision) : formatEventTime(instant, timeZone);
}

/**
 * "Mar 31, 2026, 11:59:59 PM MDT, UTC-6 (America/Denver)": a deadline or receipt time, with every
 * way of naming its zone, because a commenter must be able to tell exactly when it is.
 */
export function formatDeadline(instant: Date | string, timeZone: string, locale = "en"): string {
  const date = new Date(instant);
  return `${formatInZone(date, timeZone, { locale })}, ${utcOffsetLabel(date, timeZone)} (${timeZone})`;
}

/** Number of the UTC calendar day an instant falls on (days since 1970-01-01). */
export function utcDayNumber(value: Date): number {
  return Math.floor(value.getTime() / DAY_MS);
}

/** UTC calendar days from `from` to `to` (midnights crossed; negative when `to` is earlier). */
export function utcDaysBetween(from: Date, to: Date): number {
  return utcDayNumber(to) - utcDayNumber(from);
}

/** The UTC midnight `days` calendar days after `value`'s UTC day. */
export function addUtcDays(value: Date, days: number): Date {
  return new Date((utcDayNumber(value) + days) * DAY_MS);
}

/** Today's date as UTC midnight: schedule statuses compare calendar dates, not instants. */
export function todayUtc(now = new Date()): Date {
  return addUtcDays(now, 0);
}

/** "Dec 1, 2026": the calendar day an instant falls on in `timeZone` (state the zone nearby). */
export function formatEventDay(instant: Date | string, timeZone: string): string {
  const p = utcToZonedParts(new Date(instant), timeZone);
  return formatCalendarDate(new Date(Date.UTC(p.year, p.month - 1, p.day)), "DAY");
}

/** "Pacific Time (America/Los_Angeles)": a zone named so that a reader anywhere knows it. */
export function describeTimeZone(timeZone: string): string {
  if (timeZone === "UTC") return "UTC";
  // A formatter costs far more than its answer: one per zone, kept (zones are few).
  let described = zoneDescriptions.get(timeZone);
  if (described === undefined) {
    const generic = new Intl.DateTimeFormat("en-US", { timeZone, timeZoneName: "longGeneric" })
      .formatToParts(new Date(0))
      .find((part) => part.type === "timeZoneName")?.value;
    described = generic ? `${generic} (${timeZone})` : timeZone;
    if (zoneDescriptions.size < 1000) zoneDescriptions.set(timeZone, described);
  }
  return described;
}
const zoneDescriptions = new Map<string, string>();

/**
 * The zone a project's events are shown in: its lead agency's. A project with no lead agency (or
 * an agency with no zone recorded) falls back to UTC, which every display then names.
 */
export function projectTimeZone(project: { leadAgency: { timeZone: string | null } | null }): string {
  const zone = project.leadAgency?.timeZone;
  return zone && isValidTimeZone(zone) ? zone : "UTC";
}

/** "2026-12-01T19:30:00-08:00": an exact instant written as the wall clock in `timeZone` (exports). */
export function isoInZone(instant: Date | string, timeZone: string): string {
  const date = new Date(instant);
  const p = utcToZonedParts(date, timeZone);
  const minutes = utcOffsetMinutes(date, timeZone);
  const two = (n: number) => String(n).padStart(2, "0");
  const offset =
    minutes === 0
      ? "Z"
      : `${minutes < 0 ? "-" : "+"}${two(Math.floor(Math.abs(minutes) / 60))}:${two(Math.abs(minutes) % 60)}`;
  return `${String(p.year).padStart(4, "0")}-${two(p.month)}-${two(p.day)}T${two(p.hour)}:${two(p.minute)}:${two(p.second)}${offset}`;
}

// Years a date typed into Lodestone may have. The record covers modern mine permitting (the oldest
// events worth recording, such as a mining claim or an early state permit, are 20th-century) and
// schedules a few decades ahead (reclamation and closure targets), so anything outside 1900–2100
// is a typing slip ("0202", "9999", "20277" cut short) rather than a real date.
export const EARLIEST_YEAR = 1900;
export const LATEST_YEAR = 2100;

export const isSaneYear = (year: number) => Number.isInteger(year) && year >= EARLIEST_YEAR && year <= LATEST_YEAR;

const CALENDAR_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export type CalendarDateProblem = "format" | "year" | "day";

/**
 * Reads a calendar date as `<input type="date">` submits it ("2027-03-31") into UTC midnight.
 * `Date` silently rolls 2027-02-31 over to March 3; this refuses it instead, and refuses years
 * outside EARLIEST_YEAR–LATEST_YEAR.
 */
export function parseCalendarDate(
  value: string,
): { ok: true; date: Date } | { ok: false; problem: CalendarDateProblem } {
  const match = CALENDAR_DATE.exec(value.trim());
  if (!match) return { ok: false, problem: "format" };
  const [year, month, day] = match.slice(1).map(Number);
  if (!isSaneYear(year)) return { ok: false, problem: "year" };
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
    return { ok: false, problem: "day" };
  }
  return { ok: true, date };
}

/** What to tell someone whose date was refused, naming the date when it does not exist. */
export function calendarDateMessage(problem: CalendarDateProblem, value: string, example: string): string {
  if (problem === "year") return `Enter a year between ${EARLIEST_YEAR} and ${LATEST_YEAR}.`;
  if (problem === "day") return `${value.trim()} is not a date on the calendar. ${example}`;
  return example;
}
