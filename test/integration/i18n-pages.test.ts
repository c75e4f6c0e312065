// Pages in the reader's language over real HTTP (scripts/app.ts with the app's own build and the
// response cache on): the negotiation (saved preference > switch cookie > Accept-Language >
// English), the language switch without JavaScript, the cache keeping one page per language, and
// the pseudo-locale check over every converted page (app/i18n/routes.ts CONVERTED_PAGES).
import { execFile } from "node:child_process";
import type { AddressInfo } from "node:net";
import type { Server } from "node:http";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { promisify } from "node:util";
import type { ServerBuild } from "@remix-run/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CONVERTED_PAGES } from "~/i18n/routes";
import { startSession } from "~/services/auth.server";
import { prisma } from "~/services/db.server";
import { startResponseCache, type ResponseCache } from "~/services/response-cache/listener.server";
import { createApp } from "../../scripts/app";
import { createReadingScenario } from "../support/comment-factories";
import { createUser } from "../support/factories";
import { escapedText } from "../support/pseudo-locale-check";

const root = path.resolve(import.meta.dirname, "../..");
let server: Server;
let cache: ResponseCache;
let origin: string;

beforeAll(async () => {
  await promisify(execFile)(path.join(root, "node_modules", ".bin", "remix"), ["build"], {
    cwd: root,
    env: { ...process.env, NODE_ENV: "production" },
  });
  // Read by the build's own env() when it loads, below.
  process.env.I18N_PSEUDO_LOCALE = "on";
  const build = (await import(
    /* @vite-ignore */ pathToFileURL(path.join(root, "build", "index.js")).href
  )) as ServerBuild;
  await createReadingScenario();
  cache = await startResponseCache({
    databaseUrl: process.env.DATABASE_URL!,
    maxBytes: 32 * 1024 * 1024,
    maxEntryBytes: 1024 * 1024,
    ttlSeconds: 60,
    sharedMaxAgeSeconds: 10,
    staleWhileRevalidateSeconds: 30,
    log: () => {},
  });
  const app = createApp({
    build,
    appUrl: "http://localhost:3000",
    publicDir: path.join(root, "public"),
    responseCache: cache,
  });
  server = await new Promise<Server>((resolve) => {
    const started = app.listen(0, "127.0.0.1", () => resolve(started));
  });
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}, 120_000);

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await cache.close();
});

async function visit(pathname: string, headers: Record<string, string> = {}) {
  const response = await fetch(`${origin}${pathname}`, {
    headers: { Accept: "text/html", ...headers },
    redirect: "manual",
  });
  const html = await response.text();
  return {
    response,
    html,
    state: response.headers.get("x-response-cache"),
    lang: /<html lang="([^"]+)"/.exec(html)?.[1],
  };
}

const SPANISH_HEADING = "Minas propuestas y en qué punto están sus permisos";
const ENGLISH_HEADING = "Proposed mines and where they stand in permitting";

describe("the page's language", () => {
  it("follows Accept-Language, and two visitors get their own language from the cache", async () => {
    const spanish = await visit("/", { "Accept-Language": "es-US,es;q=0.9,en;q=0.5" });
    expect(spanish.lang).toBe("es");
    expect(spanish.html).toContain(SPANISH_HEADING);
    expect(spanish.response.headers.get("vary")).toMatch(/Accept-Language/);
    const english = await visit("/", { "Accept-Language": "en-US,en;q=0.9" });
    expect(english.lang).toBe("en");
    expect(english.html).toContain(ENGLISH_HEADING);
    expect(english.html).not.toContain(SPANISH_HEADING);
    // Both are now stored, each under its language.
    const spanishAgain = await visit("/", { "Accept-Language": "es-MX" });
    expect(spanishAgain.state).toBe("hit");
    expect(spanishAgain.html).toContain(SPANISH_HEADING);
    const englishAgain = await visit("/", { "Accept-Language": "en" });
    expect(englishAgain.state).toBe("hit");
    expect(englishAgain.html).toContain(ENGLISH_HEADING);
    // No header, or only languages Lodestone lacks: English.
    expect((await visit("/", { "Accept-Language": "fr-FR, de;q=0.5" })).html).toContain(ENGLISH_HEADING);
    expect((await visit("/")).lang).toBe("en");
  });

  it("a visitor with only the switch's cookie is still served from the cache, in the cookie's language", async () => {
    const cookie = { Cookie: "lodestone_lang=es", "Accept-Language": "en-US" };
    await visit("/", cookie);
    const again = await visit("/", cookie);
    expect(again.state).toBe("hit");
    expect(again.lang).toBe("es");
    // Any other cookie makes a request personal: never from the cache.
    expect((await visit("/", { Cookie: "lodestone_lang=es; other=1" })).state).toBeNull();
  });

  it("the switch (a plain form post) sets the cookie and goes back to the same page; elsewhere is refused", async () => {
    const post = (body: string) =>
      fetch(`${origin}/language`, {
        method: "POST",
        headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: "http://localhost:3000" },
        body,
        redirect: "manual",
      });
    const switched = await post("locale=es&redirectTo=%2Fprojects%3Fstate%3DNV");
    expect(switched.status).toBe(302);
    expect(switched.headers.get("location")).toBe("/projects?state=NV");
    expect(switched.headers.get("set-cookie")).toMatch(/^lodestone_lang=es; Path=\/; Max-Age=31536000; SameSite=Lax/);
    const offsite = await post("locale=en&redirectTo=https%3A%2F%2Fevil.example%2F");
    expect(offsite.headers.get("location")).toBe("/");
    expect((await post("locale=fr&redirectTo=%2F")).status).toBe(400);
  });

  it("every page carries the switch, naming the other language in itself", async () => {
    const { html } = await visit("/", { "Accept-Language": "en" });
    expect(html).toMatch(/<form[^>]*action="\/language"/);
    expect(html).toMatch(/<button[^>]*name="locale"[^>]*value="es"[^>]*lang="es"[^>]*>Español<\/button>/);
  });

  it("a signed-in person's saved language wins over the browser's, and the switch saves it", async () => {
    const user = await createUser({ name: "Sofía Lectora" });
    const session = (await startSession(new Request("http://localhost:3000/auth/login"), user.id)).split(";")[0]!;
    expect((await visit("/", { Cookie: session, "Accept-Language": "en" })).lang).toBe("en");
    const switched = await fetch(`${origin}/language`, {
      method: "POST",
      headers: {
        "Content-Type": "application/x-www-form-urlencoded",
        Origin: "http://localhost:3000",
        Cookie: session,
      },
      body: "locale=es&redirectTo=%2F",
      redirect: "manual",
    });
    expect(switched.status).toBe(302);
    expect((await prisma.user.findUniqueOrThrow({ where: { id: user.id } })).locale).toBe("es");
    // Without the cookie (another browser), the account's choice still holds.
    const page = await visit("/", { Cookie: session, "Accept-Language": "en" });
    expect(page.lang).toBe("es");
    expect(page.state).toBeNull();
  });
});

describe("pseudo-locale: no visible text escapes the catalogue on a converted page", () => {
  it.each(CONVERTED_PAGES)("%s", async (pathname) => {
    const { html, lang } = await visit(pathname, { Cookie: "lodestone_lang=en-XA" });
    expect(lang).toBe("en-XA");
    // The record's own words (names, places, minerals, titles) are data, not interface text.
    const [projects, organizations, periods] = await Promise.all([
      prisma.project.findMany({ select: { name: true, county: true, state: true, commodities: true } }),
      prisma.organization.findMany({ select: { name: true } }),
      prisma.commentPeriod.findMany({ select: { title: true } }),
    ]);
    const data = [
      ...projects.flatMap((p) => [p.name, p.county, p.state, ...p.commodities]),
      ...organizations.map((o) => o.name),
      ...periods.map((p) => p.title),
      // The printed page's stamp names its address.
      "http://localhost:3000",
    ];
    expect(escapedText(html, data, "en-XA")).toEqual([]);
  });

  it("the check itself finds an English string left in a page", () => {
    const page = '<html lang="en-XA"><body><h1>⟦Ƥřǿĵḗƈŧş⟧</h1><p>Closes soon</p><p lang="es">Español</p></body></html>';
    expect(escapedText(page, [], "en-XA")).toEqual(["Closes soon"]);
  });
});
