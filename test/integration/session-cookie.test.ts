// The session cookie lives exactly as long as the server's session, and is renewed with it.
import { describe, expect, it } from "vitest";
import { readSession, SESSION_LIFETIME, startSession } from "~/services/auth.server";
import { prisma } from "~/services/db.server";
import { createUser } from "../support/factories";

const DAY_MS = 86_400_000;

function maxAgeOf(setCookie: string): number {
  const match = setCookie.match(/Max-Age=(\d+)/i);
  if (!match) throw new Error(`No Max-Age in ${setCookie}`);
  return Number(match[1]);
}

function sessionIdOf(setCookie: string): string {
  return setCookie.split(";")[0].split("=")[1];
}

const request = (cookie?: string) =>
  new Request("http://localhost:3000/", { headers: cookie ? { Cookie: cookie } : {} });

describe("session cookie lifetime", () => {
  it("gives a new session's cookie the session's lifetime, not 400 days", async () => {
    const user = await createUser();
    const setCookie = await startSession(request(), user.id);
    const session = await prisma.session.findUniqueOrThrow({ where: { id: sessionIdOf(setCookie) } });
    const remaining = (session.expiresAt.getTime() - Date.now()) / 1000;
    expect(Math.abs(maxAgeOf(setCookie) - remaining)).toBeLessThan(5);
    expect(maxAgeOf(setCookie)).toBe(SESSION_LIFETIME.seconds());
  });

  it("renews the cookie to the new expiry when the session is extended", async () => {
    const user = await createUser();
    const first = await startSession(request(), user.id);
    const id = sessionIdOf(first);
    // In the second half of its life lucia extends a session when it is used.
    await prisma.session.update({ where: { id }, data: { expiresAt: new Date(Date.now() + 10 * DAY_MS) } });

    const { session, setCookie } = await readSession(request(`lodestone_session=${id}`));
    expect(setCookie).not.toBeNull();
    const stored = await prisma.session.findUniqueOrThrow({ where: { id } });
    expect(stored.expiresAt.getTime()).toBeGreaterThan(Date.now() + 29 * DAY_MS);
    expect(session?.expiresAt.getTime()).toBe(stored.expiresAt.getTime());
    const remaining = (stored.expiresAt.getTime() - Date.now()) / 1000;
    expect(Math.abs(maxAgeOf(setCookie ?? "") - remaining)).toBeLessThan(5);
  });
});
