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

// Remix 2 makes its own origin test before every action (throwIfPotentialCSRFAttack in
// @remix-run/server-runtime): an Origin whose host differs from X-Forwarded-Host or Host, "null"
// included, throws, and Remix answers that with a bare 500. The check above is the stricter one (it
// also wants an Origin or Referer, and refuses "null" without a same-site Referer), so it runs first
// and answers 403 with a reason. Remix's test still runs on every request it lets through, except
// the two it would get wrong: an exempt path (a mail provider's one-click POST, whose token is the
// authority), and an Origin that matches APP_URL behind a proxy that does not forward the host.
// For those the Origin header is removed after this check accepted the request.
export function remixWouldRefuse(headers: { origin?: string; forwardedHost?: string; host?: string }): boolean {
  const { origin } = headers;
  if (!origin) return false;
  let originHost: string;
  try {
    originHost = origin === "null" ? origin : new URL(origin).host;
  } catch {
    return true;
  }
  const host = headers.forwardedHost?.split(",")[0]?.trim() || headers.host;
  return !host || originHost !== host;
}

export type GuardVerdict = { ok: true; dropOrigin: boolean } | { ok: false; status: 403; message: string };

/** What the server does with a request before Remix sees it (see originGuard). */
export function guardRequest(input: {
  method: string;
  path: string;
  origin: string | undefined;
  referer: string | undefined;
  host: string | undefined;
  forwardedHost: string | undefined;
  appUrl: string;
}): GuardVerdict {
  const verdict = checkRequestOrigin(input);
  if (!verdict.ok) {
    return {
      ok: false,
      status: 403,
      message: `Refused: ${verdict.reason} Reload the page and try again from ${input.appUrl}.`,
    };
  }
  return { ok: true, dropOrigin: !SAFE_METHODS.has(input.method.toUpperCase()) && remixWouldRefuse(input) };
}

type GuardRequest = {
  method: string;
  path: string;
  headers: Record<string, string | string[] | undefined>;
  get(name: string): string | undefined;
};
type GuardResponse = { status(code: number): { type(t: string): { send(body: string): unknown } } };

/** Express middleware: refuses a cross-site mutating request with a 403 that says why. */
export function originGuard(appUrl: string) {
  return (req: GuardRequest, res: GuardResponse, next: () => void) => {
    const verdict = guardRequest({
      method: req.method,
      path: req.path,
      origin: req.get("origin"),
      referer: req.get("referer"),
      host: req.get("host"),
      forwardedHost: req.get("x-forwarded-host"),
      appUrl,
    });
    if (!verdict.ok) {
      res.status(verdict.status).type("text/plain").send(verdict.message);
      return;
    }
    if (verdict.dropOrigin) delete req.headers.origin;
    next();
  };
}
