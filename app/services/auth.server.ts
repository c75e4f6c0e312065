// Sessions with lucia 3. The session cookie is httpOnly and SameSite=Lax (lucia's defaults),
// Secure whenever the app is served over https, and lives exactly as long as the session: lucia
// gives it the session's lifetime, and readSession sends a fresh cookie whenever lucia extends the
// session (in its second half).
import { PrismaAdapter } from "@lucia-auth/adapter-prisma";
import { Lucia, TimeSpan, type Session, type User } from "lucia";
import { redirect } from "@remix-run/node";
import { servesHttps } from "~/env.server";
import { SESSION_COOKIE_NAME } from "~/utils/session-cookie";
import { prisma } from "./db.server";

export const SESSION_LIFETIME = new TimeSpan(30, "d");

export const lucia = new Lucia(new PrismaAdapter(prisma.session, prisma.user), {
  sessionExpiresIn: SESSION_LIFETIME,
  sessionCookie: {
    name: SESSION_COOKIE_NAME,
    attributes: { secure: servesHttps(), sameSite: "lax" },
  },
  getUserAttributes: (attributes) => ({
    email: attributes.email,
    name: attributes.name,
    isAdmin: attributes.isAdmin,
    emailVerifiedAt: attributes.emailVerifiedAt,
    locale: attributes.locale,
  }),
});

declare module "lucia" {
  interface Register {
    Lucia: typeof lucia;
    DatabaseUserAttributes: {
      email: string;
      name: string;
      isAdmin: boolean;
      emailVerifiedAt: Date | null;
      locale: string | null;
    };
  }
}

export type SessionUser = User;

export type CurrentSession = {
  user: User | null;
  session: Session | null;
  /** Set-Cookie to send back when lucia refreshed or cleared the cookie. */
  setCookie: string | null;
};

export async function readSession(request: Request): Promise<CurrentSession> {
  const sessionId = lucia.readSessionCookie(request.headers.get("Cookie") ?? "");
  if (!sessionId) return { user: null, session: null, setCookie: null };
  const { session, user } = await lucia.validateSession(sessionId);
  if (!session) return { user: null, session: null, setCookie: lucia.createBlankSessionCookie().serialize() };
  const setCookie = session.fresh ? lucia.createSessionCookie(session.id).serialize() : null;
  return { user, session, setCookie };
}

export async function getOptionalUser(request: Request): Promise<User | null> {
  return (await readSession(request)).user;
}

/** The signed-in user, or a redirect to the login page that comes back here afterwards. */
export async function requireUser(request: Request): Promise<User> {
  const user = await getOptionalUser(request);
  if (!user) {
    const url = new URL(request.url);
    throw redirect(`/auth/login?redirectTo=${encodeURIComponent(url.pathname + url.search)}`);
  }
  return user;
}

/**
 * Starts a new session for the user and returns its cookie. Any session the browser already
 * carried is invalidated first, so a session id fixed before login never becomes authenticated.
 */
export async function startSession(request: Request, userId: string): Promise<string> {
  const previous = lucia.readSessionCookie(request.headers.get("Cookie") ?? "");
  if (previous) await lucia.invalidateSession(previous);
  const session = await lucia.createSession(userId, {});
  return lucia.createSessionCookie(session.id).serialize();
}

export async function endSession(request: Request): Promise<string> {
  const sessionId = lucia.readSessionCookie(request.headers.get("Cookie") ?? "");
  if (sessionId) await lucia.invalidateSession(sessionId);
  return lucia.createBlankSessionCookie().serialize();
}

/** Signs the user out everywhere (password change or reset) and, optionally, back in here. */
export async function replaceAllSessions(userId: string, keepSignedIn: boolean): Promise<string | null> {
  await lucia.invalidateUserSessions(userId);
  if (!keepSignedIn) return null;
  const session = await lucia.createSession(userId, {});
  return lucia.createSessionCookie(session.id).serialize();
}

/** Only same-site paths may be redirect targets (no open redirects). */
export function safeRedirect(target: FormDataEntryValue | string | null | undefined, fallback = "/"): string {
  if (typeof target !== "string" || !target.startsWith("/") || target.startsWith("//") || target.startsWith("/\\")) {
    return fallback;
  }
  return target;
}
