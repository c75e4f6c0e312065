// ETags for the read API and the If-None-Match test (RFC 9110). Pure.
import { createHash } from "node:crypto";

/** A weak validator: compression may change the bytes on the wire, never what they mean. */
export function etagOf(body: string): string {
  return `W/"${createHash("sha256").update(body).digest("base64url").slice(0, 32)}"`;
}

/** If-None-Match (RFC 9110 section 13.1.2): a list of tags compared weakly, or `*`. */
export function matchesIfNoneMatch(header: string | null, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === "*") return true;
  const opaque = (tag: string) => tag.trim().replace(/^W\//, "");
  return header.split(",").some((tag) => opaque(tag) === opaque(etag));
}
