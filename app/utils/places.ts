/** "Humboldt", "NV" -> "Humboldt County, NV"; "Esmeralda and Nye" -> "Esmeralda and Nye counties, NV". */
export function formatLocation(county: string, state: string): string {
  const kind = countyKind(county);
  return kind === "named" ? `${county}, ${state}` : `${county} ${kind === "several" ? "counties" : "County"}, ${state}`;
}

/** Whether a county field already says what it is ("Pinal County"), names several, or one. */
export function countyKind(county: string): "named" | "several" | "one" {
  if (/\b(county|counties|parish|borough)\b/i.test(county)) return "named";
  return /\band\b|,/.test(county) ? "several" : "one";
}

/** The two-letter codes of the states (and D.C.) a project can be in. */
export const US_STATES = [
  "AK",
  "AL",
  "AR",
  "AZ",
  "CA",
  "CO",
  "CT",
  "DE",
  "FL",
  "GA",
  "HI",
  "IA",
  "ID",
  "IL",
  "IN",
  "KS",
  "KY",
  "LA",
  "MA",
  "MD",
  "ME",
  "MI",
  "MN",
  "MO",
  "MS",
  "MT",
  "NC",
  "ND",
  "NE",
  "NH",
  "NJ",
  "NM",
  "NV",
  "NY",
  "OH",
  "OK",
  "OR",
  "PA",
  "RI",
  "SC",
  "SD",
  "TN",
  "TX",
  "UT",
  "VA",
  "VT",
  "WA",
  "WI",
  "WV",
  "WY",
] as const;
