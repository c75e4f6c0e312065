// The session cookie's name, shared by lucia (auth.server.ts) and the HTTP server, which marks every
// response to a request carrying it private (scripts/security-headers.ts).
export const SESSION_COOKIE_NAME = "lodestone_session";

/** Whether a Cookie header carries a session cookie (signed in, or a session that has just ended). */
export function hasSessionCookie(cookieHeader: string | null | undefined): boolean {
  if (!cookieHeader) return false;
  return cookieHeader.split(";").some((pair) => {
    const [name, value = ""] = pair.split("=", 2);
    return name.trim() === SESSION_COOKIE_NAME && value.trim() !== "";
  });
}
