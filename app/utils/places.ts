/** "Humboldt", "NV" -> "Humboldt County, NV"; "Esmeralda and Nye" -> "Esmeralda and Nye counties, NV". */
export function formatLocation(county: string, state: string): string {
  if (/\b(county|counties|parish|borough)\b/i.test(county)) return `${county}, ${state}`;
  const plural = /\band\b|,/.test(county);
  return `${county} ${plural ? "counties" : "County"}, ${state}`;
}
