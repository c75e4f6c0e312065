// Signed tokens for links in emails that must work without signing in: one-click unsubscribe and
// the public subscription's confirmation. HMAC-SHA256 with the session secret, so a token cannot
// be forged or altered (changing the project or person breaks the signature). They do not expire:
// an unsubscribe link in a years-old email must still work.
import { createHmac, timingSafeEqual } from "node:crypto";
import type { NotificationType } from "@prisma/client";
import { env } from "~/env.server";

export type EmailToken =
  /** Stop email about one project (the person keeps following it in the app). */
  | { k: "project"; u: string; p: string }
  /** Stop one kind of email (response to my comment, information requests, review assignments). */
  | { k: "type"; u: string; t: NotificationType }
  /** Stop the daily or weekly digest: every kind that is sent in it goes off. */
  | { k: "digest"; u: string; f: "DAILY" | "WEEKLY" }
  /** A public (no account) subscription: stop it. */
  | { k: "sub"; s: string }
  /** A public subscription: confirm it (double opt-in). */
  | { k: "confirm"; s: string };

function signature(body: string): Buffer {
  return createHmac("sha256", env().SESSION_SECRET).update(`lodestone-email-token:${body}`).digest();
}

export function signEmailToken(token: EmailToken): string {
  const body = Buffer.from(JSON.stringify(token)).toString("base64url");
  return `${body}.${signature(body).toString("base64url")}`;
}

export function verifyEmailToken(raw: string | null | undefined): EmailToken | null {
  if (!raw || raw.length > 1000) return null;
  const [body, sig, extra] = raw.split(".");
  if (!body || !sig || extra !== undefined) return null;
  const given = Buffer.from(sig, "base64url");
  const expected = signature(body);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  try {
    const parsed = JSON.parse(Buffer.from(body, "base64url").toString("utf8")) as EmailToken;
    return typeof parsed === "object" && parsed !== null && typeof parsed.k === "string" ? parsed : null;
  } catch {
    return null;
  }
}

export function unsubscribeUrl(token: EmailToken): string {
  return new URL(`/unsubscribe?token=${encodeURIComponent(signEmailToken(token))}`, env().APP_URL).toString();
}

export function absoluteUrl(pathname: string): string {
  return new URL(pathname, env().APP_URL).toString();
}
