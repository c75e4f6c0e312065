// "3 hours ago" for lists of recent things. Computed by the loader against one "now", so the
// server's render and the browser's hydration agree.
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ["year", 365 * DAY],
  ["month", 30 * DAY],
  ["week", 7 * DAY],
  ["day", DAY],
  ["hour", HOUR],
  ["minute", MINUTE],
];

const FORMAT = new Intl.RelativeTimeFormat("en-US", { numeric: "auto" });

export function relativeTime(instant: Date, now: Date): string {
  const difference = instant.getTime() - now.getTime();
  const size = Math.abs(difference);
  if (size < MINUTE) return "just now";
  for (const [unit, length] of UNITS) {
    // Whole units, rounded toward zero: 23 hours ago stays "23 hours ago", never "24 hours ago".
    if (size >= length) return FORMAT.format(Math.trunc(difference / length), unit);
  }
  return "just now";
}
