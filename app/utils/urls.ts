// Web addresses that people type in and others click. Only http(s) may ever become a link:
// `javascript:`, `data:` and `vbscript:` URLs run script as whoever clicks them, and
// `z.string().url()` accepts all of them. Every stored address is checked on the way in
// (`httpUrl()` in ~/schemas/fields) and again on the way out (`safeHref`), so a row written before
// the check, or by hand, still renders as plain text rather than a link.

export const HTTP_URL_PROTOCOLS: ReadonlySet<string> = new Set(["http:", "https:"]);

/** The address as a link target when it is an absolute http(s) URL with a host; otherwise null. */
export function safeHref(value: string | null | undefined): string | null {
  if (typeof value !== "string") return null;
  const text = value.trim();
  // WHATWG URL parsing strips tabs and newlines inside the scheme ("java\tscript:"); the check
  // below sees the parsed protocol, which is what a browser would follow.
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return null;
  }
  if (!HTTP_URL_PROTOCOLS.has(url.protocol) || url.hostname === "") return null;
  return url.href;
}

export const isHttpUrl = (value: string): boolean => safeHref(value) !== null;
