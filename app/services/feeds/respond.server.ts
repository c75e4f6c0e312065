// The HTTP answer for a published document (Atom feed, iCalendar file, map): an ETag from its bytes
// so feed readers and calendar apps that poll get a 304 when nothing changed, and cache headers
// that say whether anyone else may keep a copy.
import { createHash } from "node:crypto";

export type PublishedDocument = {
  body: string;
  contentType: string;
  /** Offered as a file name when the document is saved. */
  filename?: string;
  /** Public documents may be cached and read from any web page (CORS); private ones never. */
  visibility: "public" | "private";
  maxAgeSeconds?: number;
};

function etagOf(body: string): string {
  return `"${createHash("sha256").update(body).digest("base64url").slice(0, 32)}"`;
}

/** True when the If-None-Match header names this ETag (or is "*"). */
function matches(header: string | null, etag: string): boolean {
  if (!header) return false;
  return header
    .split(",")
    .map((tag) => tag.trim().replace(/^W\//, ""))
    .some((tag) => tag === etag || tag === "*");
}

export function publishedResponse(request: Request, doc: PublishedDocument): Response {
  const etag = etagOf(doc.body);
  const headers = new Headers({
    ETag: etag,
    "Cache-Control":
      doc.visibility === "public" ? `public, max-age=${doc.maxAgeSeconds ?? 300}` : "private, no-cache, max-age=0",
    "X-Content-Type-Options": "nosniff",
  });
  if (doc.visibility === "public") headers.set("Access-Control-Allow-Origin", "*");
  else headers.set("X-Robots-Tag", "noindex");
  if (matches(request.headers.get("If-None-Match"), etag)) return new Response(null, { status: 304, headers });
  headers.set("Content-Type", doc.contentType);
  if (doc.filename) headers.set("Content-Disposition", `inline; filename="${doc.filename}"`);
  return new Response(request.method === "HEAD" ? null : doc.body, { status: 200, headers });
}
