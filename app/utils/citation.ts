// "Cite this record": one plain-text citation for a project, a milestone or a comment period, fit
// to paste into a report or a court filing. Pure, so the server renders it (no JavaScript needed).
export type Citation = {
  /** What is cited: "Thacker Pass", "Thacker Pass: Record of decision". */
  title: string;
  /** The responsible agency (the lead agency), when there is one. */
  agency: string | null;
  /** The record's own date in words, e.g. "target Mar 2026", "last changed Dec 1, 2026". */
  date: string | null;
  /** The stable, absolute address of the record (with its anchor). */
  url: string;
  /** The day it was read, YYYY-MM-DD (UTC). */
  accessed: string;
};

export function citationText(c: Citation): string {
  const parts = [
    c.agency ? `${c.agency}.` : null,
    `“${c.title}.”`,
    c.date ? `${c.date}.` : null,
    "Lodestone public permitting record.",
    `${c.url} (accessed ${c.accessed}).`,
  ];
  return parts.filter(Boolean).join(" ");
}
