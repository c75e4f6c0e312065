import { describeTimeZone } from "~/utils/dates";

/** Names the zone the page's times are in, once, so every time on it can be read anywhere. */
export function ZoneNote({ timeZone, whose = "the lead agency's zone" }: { timeZone: string; whose?: string }) {
  return (
    <p className="muted">
      Times are in {whose}, {describeTimeZone(timeZone)}.
    </p>
  );
}
