// CSRF defence for every mutating request: the browser's Origin (or, failing that, Referer)
// must be this app. Cookies are also SameSite=Lax; this check covers what Lax does not.
const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

// Paths whose POST carries its own authority and is sent by other sites by design: mail providers
// post one-click unsubscribes (RFC 8058) with no cookies and no Origin. The signed token in the
// request is the authorization, and the action does nothing else. Exact paths only.
const EXEMPT_PATHS: ReadonlySet<string> = new Set(["/unsubscribe"]);

export type OriginCheck = { ok: true } | { ok: false; reason: string };

export function checkRequestOrigin(input: {
  method: string;
  /** The request's path without the query string (Express's req.path). */
  path: string;
  origin: string | undefined;
  referer: string | undefined;
  host: string | undefined;
  appUrl: string;
}): OriginCheck {
  if (SAFE_METHODS.has(input.method.toUpperCase())) return { ok: true };
  if (EXEMPT_PATHS.has(input.path)) return { ok: true };
  const claimed = input.origin && input.origin !== "null" ? input.origin : input.referer;
  if (!claimed) {
    return { ok: false, reason: "The request did not say which site it came from." };
  }
  let claimedHost: string;
  try {
    claimedHost = new URL(claimed).host;
  } catch {
    return { ok: false, reason: "The request came from an unreadable origin." };
  }
  const allowed = new Set([new URL(input.appUrl).host]);
  if (input.host) allowed.add(input.host);
  return allowed.has(claimedHost)
    ? { ok: true }
    : { ok: false, reason: `The request came from another site (${claimedHost}).` };
}
