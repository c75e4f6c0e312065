// IANA zones offered in forms: the U.S. zones where mines are permitted, plus UTC.
export const US_TIME_ZONES = [
  { value: "America/New_York", label: "Eastern (America/New_York)" },
  { value: "America/Chicago", label: "Central (America/Chicago)" },
  { value: "America/Denver", label: "Mountain (America/Denver)" },
  { value: "America/Boise", label: "Mountain, Idaho and eastern Oregon (America/Boise)" },
  { value: "America/Phoenix", label: "Arizona, no daylight saving (America/Phoenix)" },
  { value: "America/Los_Angeles", label: "Pacific (America/Los_Angeles)" },
  { value: "America/Anchorage", label: "Alaska (America/Anchorage)" },
  { value: "Pacific/Honolulu", label: "Hawaii (Pacific/Honolulu)" },
  { value: "UTC", label: "UTC" },
];

/**
 * Every IANA zone this runtime knows, for settings open to anyone anywhere. Call it on the server and
 * send the list, so the page and its hydration agree. The current zone is kept even when this list
 * spells it differently (an alias), so saving the form never changes it unasked.
 */
export function allTimeZoneOptions(current: string): { value: string; label: string }[] {
  const zones = new Set([...Intl.supportedValuesOf("timeZone"), "UTC", current]);
  return [...zones].sort().map((zone) => ({ value: zone, label: zone.replace(/_/g, " ") }));
}

/** The U.S. zones, plus the person's own when it is elsewhere (chosen on the notification settings). */
export function usTimeZoneOptions(current: string): { value: string; label: string }[] {
  return US_TIME_ZONES.some((zone) => zone.value === current)
    ? US_TIME_ZONES
    : [...US_TIME_ZONES, { value: current, label: current.replace(/_/g, " ") }];
}
