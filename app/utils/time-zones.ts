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
