// CORS for the read API: anyone's page or script may read the public record (GET, HEAD), without
// credentials, so `*` is right and no cookie ever rides along. Pure: the Express server answers
// preflights with these headers (scripts/api-cors.ts) before Remix, whose own origin check would
// refuse a cross-site OPTIONS.
export const API_PATH_PREFIX = "/api/v1/";

/** Paths served as open, cross-origin readable data. */
export function isOpenDataPath(path: string): boolean {
  return path.startsWith(API_PATH_PREFIX);
}

/** Headers a client script may read besides the CORS-safelisted ones. */
const EXPOSED = ["ETag", "Link", "RateLimit", "RateLimit-Policy", "Retry-After"];

export const CORS_HEADERS: Record<string, string> = {
  "Access-Control-Allow-Origin": "*",
  "Access-Control-Expose-Headers": EXPOSED.join(", "),
};

export const PREFLIGHT_HEADERS: Record<string, string> = {
  ...CORS_HEADERS,
  "Access-Control-Allow-Methods": "GET, HEAD, OPTIONS",
  "Access-Control-Allow-Headers": "If-None-Match, Accept",
  "Access-Control-Max-Age": "86400",
};
