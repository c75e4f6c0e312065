// Wall-clock times in an agency's IANA time zone, converted to and from UTC instants with the
// built-in Intl API only. Pure and browser-safe: the comment-period form, the deadline display and
// the server's window check all do the same arithmetic, so what the page shows is what is enforced.
//
// A notice states a deadline as local time ("11:59 pm Mountain Time"); we store the UTC instant and
// the zone. Two days a year the wall clock does not name exactly one instant:
//
// - Spring forward (gap): 2026-03-08 02:30 does not exist in America/Denver; clocks jump from
//   01:59:59 MST to 03:00:00 MDT. We read the time with the offset in force before the jump, which
//   lands after the gap at 03:30 MDT (the rule of Temporal's "compatible" disambiguation and
//   java.time). The other reading, 01:30 MST, is before anything the notice could have meant, and a
//   deadline must never come earlier than the notice says.
// - Fall back (overlap): 2026-11-01 01:30 happens twice in America/Denver, first in MDT and an hour
//   later in MST. By default we take the first occurrence (again Temporal's "compatible"). For a
//   closing time the later one is fairer: a commenter whose clock still reads 01:15 during the second
//   pass must not be refused, and taking the later instant guarantees that nobody who submits while
//   the wall clock shows a time before the deadline is turned away. Closing times therefore pass
//   `{ ambiguous: "later" }` (see `closesAtFromLocal` in ~/models/comments/comment-window); opening times keep
//   "earlier", which opens the period as soon as the notice allows.

/** A wall-clock date and time with no zone: what a notice states and `datetime-local` submits. */
export type LocalDateTime = {
  year: number;
  /** 1–12 */
  month: number;
  day: number;
  /** 0–23 */
  hour: number;
  minute: number;
  second?: number;
};

export type ZonedParts = Required<LocalDateTime>;

export type AmbiguousChoice = "earlier" | "later";

/** Milliseconds in a 24-hour day; ~/utils/dates re-exports it (day counts live there). */
export const DAY_MS = 86_400_000;

// Building an Intl.DateTimeFormat is far slower than using one; a page lists many deadlines.
const partsFormats = new Map<string, Intl.DateTimeFormat>();
const displayFormats = new Map<string, Intl.DateTimeFormat>();

function cached(cache: Map<string, Intl.DateTimeFormat>, key: string, make: () => Intl.DateTimeFormat) {
  let format = cache.get(key);
  if (!format) {
    format = make();
    cache.set(key, format);
  }
  return format;
}

function partsFormat(timeZone: string): Intl.DateTimeFormat {
  return cached(
    partsFormats,
    timeZone,
    () =>
      new Intl.DateTimeFormat("en-US", {
        timeZone,
        // h23, not hour12: false, which some engines render as "24" at midnight.
        hourCycle: "h23",
        year: "numeric",
        month: "numeric",
        day: "numeric",
        hour: "numeric",
        minute: "numeric",
        second: "numeric",
      }),
  );
}

/** True when Intl knows the zone. Aliases ("US/Mountain") and any letter case are accepted. */
export function isValidTimeZone(timeZone: string): boolean {
  if (typeof timeZone !== "string" || timeZone.trim() === "") return false;
  try {
    new Intl.DateTimeFormat("en-US", { timeZone });
    return true;
  } catch {
    return false;
  }
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function daysInMonth(year: number, month: number): number {
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return month === 2 && leap ? 29 : DAYS_IN_MONTH[month - 1];
}

function isValidLocal(local: LocalDateTime): boolean {
  const { year, month, day, hour, minute, second = 0 } = local;
  const inRange = (value: number, min: number, max: number) => Number.isInteger(value) && value >= min && value <= max;
  return (
    inRange(year, 1, 9999) &&
    inRange(month, 1, 12) &&
    inRange(day, 1, daysInMonth(year, month)) &&
    inRange(hour, 0, 23) &&
    inRange(minute, 0, 59) &&
    inRange(second, 0, 59)
  );
}

// The wall-clock reading as if it were UTC. Date.UTC maps years 0–99 to 1900–1999, hence setUTCFullYear.
function wallClockMs(local: LocalDateTime): number {
  const date = new Date(Date.UTC(2000, local.month - 1, local.day, local.hour, local.minute, local.second ?? 0));
  date.setUTCFullYear(local.year);
  return date.getTime();
}

/** The wall-clock reading of `instant` in `timeZone`, to the second. */
export function utcToZonedParts(instant: Date, timeZone: string): ZonedParts {
  const values: Partial<Record<Intl.DateTimeFormatPartTypes, number>> = {};
  for (const part of partsFormat(timeZone).formatToParts(instant)) {
    if (part.type !== "literal") values[part.type] = Number(part.value);
  }
  return {
    year: values.year ?? NaN,
    month: values.month ?? NaN,
    day: values.day ?? NaN,
    hour: values.hour ?? NaN,
    minute: values.minute ?? NaN,
    second: values.second ?? NaN,
  };
}

// Local time minus UTC at `ms`, in milliseconds (−7 h for MST). Whole seconds, like the tz database.
function offsetAt(ms: number, timeZone: string): number {
  const wholeSecond = Math.floor(ms / 1000) * 1000;
  return wallClockMs(utcToZonedParts(new Date(wholeSecond), timeZone)) - wholeSecond;
}

/** Local time minus UTC at `instant` in `timeZone`, in minutes (−420 for PDT). */
export function utcOffsetMinutes(instant: Date, timeZone: string): number {
  return Math.round(offsetAt(instant.getTime(), timeZone) / 60_000);
}

/**
 * The UTC instant at which the wall clock in `timeZone` reads `local`. A time in a spring-forward
 * gap resolves to the instant after the gap; a time in a fall-back overlap resolves to its first
 * occurrence, or its second with `{ ambiguous: "later" }` (see the note at the top of this file).
 * Throws a RangeError for an impossible date or time, or an unknown zone.
 */
export function zonedLocalToUtc(
  local: LocalDateTime,
  timeZone: string,
  options: { ambiguous?: AmbiguousChoice } = {},
): Date {
  if (!isValidLocal(local)) throw new RangeError(`Not a valid local date and time: ${JSON.stringify(local)}`);
  const wall = wallClockMs(local);
  // Offsets a day either side bracket any transition near this time (zones change at most a few
  // times a year). Each offset that maps back onto the same wall clock gives a real instant.
  const before = offsetAt(wall - DAY_MS, timeZone);
  const after = offsetAt(wall + DAY_MS, timeZone);
  const candidates = [...new Set([before, after])]
    .map((offset) => wall - offset)
    .filter((ms) => wallClockMs(utcToZonedParts(new Date(ms), timeZone)) === wall)
    .sort((a, b) => a - b);
  if (candidates.length === 0) return new Date(wall - before);
  const pick = options.ambiguous === "later" ? candidates[candidates.length - 1] : candidates[0];
  return new Date(pick);
}

const LOCAL_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2}))?$/;

/**
 * Reads what `<input type="datetime-local">` submits ("2026-03-31T23:59", seconds optional).
 * Null for anything else, including dates that do not exist such as Feb 30.
 */
export function parseLocalDateTime(value: string): LocalDateTime | null {
  const match = LOCAL_DATE_TIME.exec(value.trim());
  if (!match) return null;
  const [year, month, day, hour, minute, second] = match.slice(1).map((part) => (part ? Number(part) : 0));
  const local = { year, month, day, hour, minute, second };
  return isValidLocal(local) ? local : null;
}

const pad = (value: number, length = 2) => String(value).padStart(length, "0");

/** The value that pre-fills a `datetime-local` input; seconds only when the instant has them. */
export function toDateTimeLocalValue(instant: Date, timeZone: string): string {
  const p = utcToZonedParts(instant, timeZone);
  const time = `${pad(p.hour)}:${pad(p.minute)}${p.second ? `:${pad(p.second)}` : ""}`;
  return `${pad(p.year, 4)}-${pad(p.month)}-${pad(p.day)}T${time}`;
}

/**
 * "Mar 31, 2026, 11:59 PM MDT". The zone abbreviation is on by default because a deadline is never
 * shown without its zone; callers add the IANA id ("America/Denver") where the abbreviation alone is
 * unclear. Seconds appear only when the instant has them, so an enforced 11:59:59 PM is not shown as
 * 11:59 PM.
 */
export function formatInZone(
  instant: Date,
  timeZone: string,
  options: { withZoneName?: boolean; locale?: string } = {},
): string {
  const withZoneName = options.withZoneName ?? true;
  const locale = options.locale ?? "en";
  const withSeconds = utcToZonedParts(instant, timeZone).second !== 0;
  const key = `${timeZone}|${withZoneName}|${withSeconds}|${locale}`;
  const format = cached(
    displayFormats,
    key,
    () =>
      // English keeps its US form ("Mar 31, 2026, 11:59 PM MDT"); another language its own.
      new Intl.DateTimeFormat(locale === "en" ? "en-US" : locale, {
        timeZone,
        year: "numeric",
        month: "short",
        day: "numeric",
        hour: "numeric",
        minute: "2-digit",
        ...(withSeconds ? { second: "2-digit" } : {}),
        ...(withZoneName ? { timeZoneName: "short" } : {}),
      }),
  );
  // Some ICU versions put a narrow no-break space before AM/PM; one spelling everywhere keeps server
  // and browser renders identical (no hydration mismatch) and the text searchable.
  return format.format(instant).replace(/[\u202f\u00a0]/g, " ");
}
