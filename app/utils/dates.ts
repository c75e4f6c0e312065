// Dates are stored in UTC; calendar dates (milestones) are UTC midnight and shown as such.
const DATE = new Intl.DateTimeFormat("en-US", { year: "numeric", month: "short", day: "numeric", timeZone: "UTC" });
const DATE_TIME = new Intl.DateTimeFormat("en-US", {
  year: "numeric",
  month: "short",
  day: "numeric",
  hour: "numeric",
  minute: "2-digit",
  timeZone: "UTC",
  timeZoneName: "short",
});

export function formatDate(value: Date | string): string {
  return DATE.format(new Date(value));
}

export function formatDateTime(value: Date | string): string {
  return DATE_TIME.format(new Date(value));
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
