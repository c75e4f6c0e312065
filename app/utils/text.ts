// Bidirectional control characters let typed text be shown in an order other than the one it is
// stored in: a right-to-left override makes "Approve‮lanigiro" read differently from what the
// database and search see, and one left open in a name runs on into the text after it. The
// Unicode bidirectional algorithm lays out Arabic and Hebrew correctly from the letters alone, so
// these controls carry nothing a reader needs here.
//
// Decision: strip them at input from names, titles and comment text (the `plainText` schema in
// ~/schemas/fields), and show people's text through <UserText>, which strips them again (rows
// stored before this rule) and isolates the text in <bdi> so right-to-left text cannot reorder
// what sits next to it on the page.

/** ALM, LRM, RLM, LRE/RLE/PDF/LRO/RLO and LRI/RLI/FSI/PDI. */
export const BIDI_CONTROL = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;
const ALL_BIDI_CONTROLS = new RegExp(BIDI_CONTROL.source, "g");

export function stripBidiControls(value: string): string {
  return value.replace(ALL_BIDI_CONTROLS, "");
}
