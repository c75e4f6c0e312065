// An Atom document (RFC 4287) from plain values. Pure (no database, no settings), so the format
// itself is tested without a server: escaping, characters XML cannot carry, required elements.

// Characters XML 1.0 cannot carry at all (control characters, lone surrogates, U+FFFE/U+FFFF) are dropped:
// stored text is what people typed, and one stray character would make the whole feed unreadable.
const NOT_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

export function xmlText(value: string): string {
  return value
    .replace(NOT_XML, "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;");
}

export type AtomEntry = {
  id: string;
  title: string;
  updated: Date;
  link: string;
  summary: string;
  categories: { term: string; label: string }[];
};

export type AtomFeed = {
  id: string;
  title: string;
  subtitle: string;
  selfUrl: string;
  alternateUrl: string;
  /** When the newest entry happened; `fallbackUpdated` when there is none. */
  entries: AtomEntry[];
  fallbackUpdated: Date;
};

/** The feed as an Atom document. Pure: same input, same bytes (the route's ETag relies on it). */
export function renderAtom(feed: AtomFeed): string {
  const updated = feed.entries.reduce((latest, e) => (e.updated > latest ? e.updated : latest), new Date(0));
  const feedUpdated = feed.entries.length > 0 ? updated : feed.fallbackUpdated;
  const lines = [
    `<?xml version="1.0" encoding="utf-8"?>`,
    `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en">`,
    `  <id>${xmlText(feed.id)}</id>`,
    `  <title type="text">${xmlText(feed.title)}</title>`,
    `  <subtitle type="text">${xmlText(feed.subtitle)}</subtitle>`,
    `  <updated>${feedUpdated.toISOString()}</updated>`,
    `  <link rel="self" type="application/atom+xml" href="${xmlText(feed.selfUrl)}"/>`,
    `  <link rel="alternate" type="text/html" href="${xmlText(feed.alternateUrl)}"/>`,
    `  <author><name>Lodestone</name></author>`,
    `  <generator>Lodestone</generator>`,
  ];
  for (const entry of feed.entries) {
    lines.push(
      `  <entry>`,
      `    <id>${xmlText(entry.id)}</id>`,
      `    <title type="text">${xmlText(entry.title)}</title>`,
      `    <updated>${entry.updated.toISOString()}</updated>`,
      `    <link rel="alternate" type="text/html" href="${xmlText(entry.link)}"/>`,
      ...entry.categories.map((c) => `    <category term="${xmlText(c.term)}" label="${xmlText(c.label)}"/>`),
      `    <summary type="text">${xmlText(entry.summary)}</summary>`,
      `  </entry>`,
    );
  }
  lines.push(`</feed>`, ``);
  return lines.join("\n");
}
