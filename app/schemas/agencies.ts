// The /agencies grouping, read from the URL (?by=agency|state|commodity). An unknown value falls
// back on the lead agency, so a stale link still renders the page.
import type { GroupBy } from "~/models/agency-stats.server";

export const TRACK_RECORD_GROUPS: Record<GroupBy, { label: string; heading: string }> = {
  agency: { label: "Lead agency", heading: "By lead agency" },
  state: { label: "State", heading: "By state" },
  commodity: { label: "Mineral", heading: "By mineral" },
};

export function parseGroupBy(params: URLSearchParams): GroupBy {
  const by = params.get("by");
  return by === "state" || by === "commodity" ? by : "agency";
}
