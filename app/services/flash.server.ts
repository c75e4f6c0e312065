// Flash messages travel in a signed cookie set on the redirect and are read once.
import { createCookieSessionStorage } from "@remix-run/node";
import { env, servesHttps } from "~/env.server";

export type Flash = { kind: "success" | "info" | "error"; message: string };

const storage = createCookieSessionStorage<Record<string, never>, { flash: Flash }>({
  cookie: {
    name: "lodestone_flash",
    httpOnly: true,
    sameSite: "lax",
    path: "/",
    secure: servesHttps(),
    secrets: [env().SESSION_SECRET],
  },
});

export async function setFlash(request: Request, flash: Flash): Promise<string> {
  const session = await storage.getSession(request.headers.get("Cookie"));
  session.flash("flash", flash);
  return storage.commitSession(session);
}

export async function takeFlash(request: Request): Promise<{ flash: Flash | null; setCookie: string | null }> {
  const session = await storage.getSession(request.headers.get("Cookie"));
  const flash = session.get("flash") ?? null;
  return { flash, setCookie: flash ? await storage.commitSession(session) : null };
}
