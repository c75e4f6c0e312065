// The response cache over real HTTP (scripts/app.ts with the app's own build), two app processes'
// worth of it: two createApp instances on the same database, each with its own cache and its own
// LISTEN connection. A change made through the models (a stage change, a milestone date change, a
// new comment, a moderator hiding it) shows on the very next visitor request to either, once the
// change has committed and been announced (sync() waits for the announcement); nothing personal
// is ever stored or served from it.
import { execFile } from "node:child_process";
import { randomUUID } from "node:crypto";
import type { AddressInfo } from "node:net";
import type { Server } from "node:http";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { promisify } from "node:util";
import type { ServerBuild } from "@remix-run/node";
import express from "express";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { submitComment } from "~/models/comments/comment-intake.server";
import { moderate } from "~/models/comments/comment-moderation.server";
import { addMilestone, changeTargetDate } from "~/models/milestone.server";
import { changeStage } from "~/models/stage.server";
import { startSession } from "~/services/auth.server";
import { prisma } from "~/services/db.server";
import { startResponseCache, type ResponseCache } from "~/services/response-cache/listener.server";
import { createApp } from "../../scripts/app";
import { captureForCache, serveCached } from "../../scripts/response-cache";
import { createIntakePeriod, createReadingScenario } from "../support/comment-factories";
import { createUser } from "../support/factories";

const root = path.resolve(import.meta.dirname, "../..");
const servers: Server[] = [];
const caches: ResponseCache[] = [];
type Process = { origin: string; cache: ResponseCache };
let a: Process;
let b: Process;
let scenario: Awaited<ReturnType<typeof createReadingScenario>>;

async function startProcess(build: ServerBuild): Promise<Process> {
  const cache = await startResponseCache({
    databaseUrl: process.env.DATABASE_URL!,
    maxBytes: 32 * 1024 * 1024,
    maxEntryBytes: 1024 * 1024,
    ttlSeconds: 60,
    sharedMaxAgeSeconds: 10,
    staleWhileRevalidateSeconds: 30,
    log: () => {},
  });
  caches.push(cache);
  const app = createApp({
    build,
    appUrl: "http://localhost:3000",
    publicDir: path.join(root, "public"),
    responseCache: cache,
  });
  const server = await new Promise<Server>((resolve) => {
    const started = app.listen(0, "127.0.0.1", () => resolve(started));
  });
  servers.push(server);
  return { origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, cache };
}

beforeAll(async () => {
  await promisify(execFile)(path.join(root, "node_modules", ".bin", "remix"), ["build"], {
    cwd: root,
    env: { ...process.env, NODE_ENV: "production" },
  });
  const build = (await import(
    /* @vite-ignore */ pathToFileURL(path.join(root, "build", "index.js")).href
  )) as ServerBuild;
  scenario = await createReadingScenario();
  a = await startProcess(build);
  b = await startProcess(build);
}, 120_000);

afterAll(async () => {
  await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
  await Promise.all(caches.map((cache) => cache.close()));
});

/** Both processes have applied every announcement committed so far. */
const announced = () => Promise.all([a.cache.sync(), b.cache.sync()]);

async function visit(p: Process, pathname: string, headers: Record<string, string> = {}) {
  const response = await fetch(`${p.origin}${pathname}`, { headers });
  return {
    response,
    status: response.status,
    state: response.headers.get("x-response-cache"),
    html: await response.text(),
  };
}

/** Renders the page in both processes and checks the next request is served from memory. */
async function warm(pathname: string) {
  for (const p of [a, b]) {
    await visit(p, pathname);
    const again = await visit(p, pathname);
    expect(again.state, `${pathname} is stored`).toBe("hit");
  }
}

describe("a change shows on the next visitor request, in every process", () => {
  it("a stage change", async () => {
    const page = `/projects/${scenario.project.slug}`;
    await warm(page);
    expect((await visit(a, page)).html).toContain("Draft EIS");
    await changeStage(
      { projectId: scenario.project.id, expectedVersion: 1, kind: "ADVANCE", reason: "Final EIS published." },
      scenario.context,
    );
    await announced();
    for (const p of [a, b]) {
      const after = await visit(p, page);
      expect(after.state).toBe("miss");
      expect(after.html).toContain("Final EIS");
    }
    // The lists that show the stage are dropped too.
    expect((await visit(a, "/projects")).state).toBe("miss");
  });

  it("a milestone date change", async () => {
    const milestone = await addMilestone(
      scenario.project.id,
      {
        name: "Record of decision",
        jurisdiction: "FEDERAL",
        targetDate: new Date("2029-03-15T00:00:00Z"),
        datePrecision: "DAY",
      },
      scenario.context,
    );
    const page = `/projects/${scenario.project.slug}`;
    await announced();
    await warm(page);
    expect((await visit(b, page)).html).not.toContain("2031");
    await changeTargetDate(
      {
        projectId: scenario.project.id,
        milestoneId: milestone.id,
        newDate: new Date("2031-06-30T00:00:00Z"),
        reason: "ADDITIONAL_ANALYSIS",
        narrative: "More groundwater modelling.",
      },
      scenario.context,
    );
    await announced();
    for (const p of [a, b]) {
      const after = await visit(p, page);
      expect(after.state).toBe("miss");
      expect(after.html).toContain("2031");
    }
  });

  it("a newly published comment, then a moderator hiding it", async () => {
    const page = `/comment-periods/${scenario.period.id}/comments`;
    const text = `The aquifer under the pit feeds our wells ${randomUUID()}.`;
    await warm(page);
    const commenter = await createUser({ name: "Rosa Well" });
    const { commentId } = await submitComment(
      {
        periodId: scenario.period.id,
        idempotencyKey: randomUUID(),
        submitterType: "INDIVIDUAL",
        displayName: "Rosa Well",
        text,
        files: [],
        clientIp: "192.0.2.10",
        userId: commenter.id,
      },
      { actorId: null, requestId: "cache-test" },
    );
    await announced();
    for (const p of [a, b]) {
      const after = await visit(p, page);
      expect(after.state).toBe("miss");
      expect(after.html).toContain(text);
      expect((await visit(p, page)).state).toBe("hit");
    }
    await moderate(scenario.period.id, [commentId], { kind: "HIDE", reason: "Off topic" }, scenario.context);
    await announced();
    for (const p of [a, b]) {
      const after = await visit(p, page);
      expect(after.state).toBe("miss");
      expect(after.html).not.toContain(text);
    }
  });

  it("a change written without a domain event (a table trigger) drops the project's pages too", async () => {
    const page = `/projects/${scenario.project.slug}`;
    await warm(page);
    await prisma.project.update({ where: { id: scenario.project.id }, data: { county: "Mineral" } });
    await announced();
    expect((await visit(a, page)).state).toBe("miss");
    expect((await visit(b, page)).state).toBe("miss");
  });

  it("a page another project's change does not touch stays stored", async () => {
    const other = await createReadingScenario();
    const page = `/projects/${other.project.slug}`;
    await announced();
    await warm(page);
    await changeStage(
      { projectId: scenario.project.id, expectedVersion: 2, kind: "ADVANCE", reason: "Objection period opened." },
      scenario.context,
    );
    await announced();
    expect((await visit(a, page)).state).toBe("hit");
  });
});

describe("nothing personal is shared", () => {
  it("gives two visitors different idempotency keys on the comment form, and never stores it", async () => {
    const { period } = await createIntakePeriod({ allowAnonymous: true });
    const page = `/comment-periods/${period.id}/comment`;
    const keys = [];
    for (const p of [a, a, b]) {
      const { html, state, response } = await visit(p, page);
      expect(response.status).toBe(200);
      expect(state).toBeNull();
      expect(response.headers.get("cache-control")).toBe("private, no-store");
      const input = /<input[^>]*name="idempotencyKey"[^>]*>/.exec(html)?.[0] ?? "";
      const key = /value="([0-9a-f-]{36})"/.exec(input)?.[1];
      expect(key, input || html.slice(0, 500)).toBeTruthy();
      keys.push(key);
    }
    expect(new Set(keys).size).toBe(3);
  });

  it("never serves a stored page to a signed-in person", async () => {
    const page = `/projects/${scenario.project.slug}`;
    await warm(page);
    const user = await createUser({ name: "Signed In Sam" });
    const cookie = (await startSession(new Request("http://localhost:3000/auth/login"), user.id)).split(";")[0];
    const signedIn = await visit(a, page, { Cookie: cookie });
    expect(signedIn.status).toBe(200);
    expect(signedIn.state).toBeNull();
    expect(signedIn.response.headers.get("cache-control")).toBe("private, no-store");
    expect(signedIn.html).toContain("Signed In Sam");
    // And the signed-in render was not stored for visitors.
    const visitor = await visit(a, page);
    expect(visitor.state).toBe("hit");
    expect(visitor.html).not.toContain("Signed In Sam");
  });

  it("never stores a response that sets a cookie or says private, and bypasses any request with a cookie", async () => {
    // The middleware on routes of its own (a real Express app, real HTTP), sharing process A's cache.
    const app = express();
    app.use(serveCached(a.cache));
    app.use(captureForCache(a.cache));
    app.get("/projects/cookie-setter", (_req, res) => void res.cookie("lodestone_flash", "x").send("<p>flash</p>"));
    app.get("/projects/private-page", (_req, res) => void res.set("Cache-Control", "private").send("<p>mine</p>"));
    app.get("/projects/shared-page", (_req, res) => void res.send("<p>everyone</p>"));
    const server = await new Promise<Server>((resolve) => {
      const started = app.listen(0, "127.0.0.1", () => resolve(started));
    });
    servers.push(server);
    const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const state = async (pathname: string, headers: Record<string, string> = {}) =>
      (await fetch(`${origin}${pathname}`, { headers })).headers.get("x-response-cache");
    for (const pathname of ["/projects/cookie-setter", "/projects/private-page"]) {
      await state(pathname);
      expect(await state(pathname)).toBeNull();
    }
    expect(await state("/projects/shared-page")).toBe("miss");
    expect(await state("/projects/shared-page")).toBe("hit");
    expect(await state("/projects/shared-page", { Cookie: "anything=1" })).toBeNull();
    expect(await state("/projects/shared-page", { Authorization: "Bearer x" })).toBeNull();
  });
});

describe("HTTP caching headers", () => {
  it("sends ETag, Last-Modified and a CDN-friendly Cache-Control, and 304 for either validator", async () => {
    const page = `/projects/${scenario.project.slug}`;
    await warm(page);
    const { response } = await visit(a, page);
    expect(response.headers.get("cache-control")).toBe("public, max-age=0, s-maxage=10, stale-while-revalidate=30");
    expect(response.headers.get("vary")).toBe("Cookie, Accept-Encoding, Accept-Language");
    const etag = response.headers.get("etag")!;
    expect(etag).toMatch(/^W\/"/);
    const lastModified = response.headers.get("last-modified")!;
    expect(Date.parse(lastModified)).not.toBeNaN();
    const byTag = await visit(a, page, { "If-None-Match": etag });
    expect(byTag.status).toBe(304);
    expect(byTag.html).toBe("");
    // Visitors' pages keep their security headers, and the stored nonce matches the stored page.
    const full = await visit(a, page);
    const nonce = /'nonce-([^']+)'/.exec(full.response.headers.get("content-security-policy") ?? "")?.[1];
    expect(nonce).toBeTruthy();
    for (const tag of full.html.match(/<script\b[^>]*>/g) ?? []) expect(tag).toContain(`nonce="${nonce}"`);
    // If-Modified-Since answers 304 when no change to the page fell in the same second as its render
    // (a change and a new render within one second would share a Last-Modified).
    a.cache.store.dropAll();
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    await warm(page);
    const since = (await visit(a, page)).response.headers.get("last-modified")!;
    expect((await visit(a, page, { "If-Modified-Since": since })).status).toBe(304);
    const earlier = new Date(Date.parse(since) - 1_000).toUTCString();
    expect((await visit(a, page, { "If-Modified-Since": earlier })).status).toBe(200);
    const changed = await visit(a, page, { "If-None-Match": 'W/"something-else"' });
    expect(changed.status).toBe(200);
  });

  it("keeps the read API's list (no-cache: revalidated, by ETag) and drops it on a change", async () => {
    const page = "/api/v1/projects";
    await warm(page);
    const hit = await visit(a, page);
    expect(hit.response.headers.get("cache-control")).toBe("no-cache");
    expect(hit.response.headers.get("access-control-allow-origin")).toBe("*");
    // A hit is not counted against the caller's limit, so it claims nothing about it.
    expect(hit.response.headers.has("ratelimit")).toBe(false);
    expect(JSON.parse(hit.html)).toHaveProperty("data");
    const revalidated = await visit(a, page, { "If-None-Match": hit.response.headers.get("etag")! });
    expect(revalidated.status).toBe(304);
    // A cross-site script revalidating reads the 304 only with the CORS headers on it too.
    expect(revalidated.response.headers.get("access-control-allow-origin")).toBe("*");
    await prisma.project.update({ where: { id: scenario.project.id }, data: { county: "Nye" } });
    await announced();
    expect((await visit(a, page)).state).toBe("miss");
  });

  it("serves gzip bytes stored once when the client asks for them", async () => {
    const page = "/projects";
    await warm(page);
    await new Promise((resolve) => setTimeout(resolve, 100));
    const response = await fetch(`${a.origin}${page}`, { headers: { "Accept-Encoding": "gzip" } });
    expect(response.headers.get("x-response-cache")).toBe("hit");
    expect(response.headers.get("content-encoding")).toBe("gzip");
    expect(await response.text()).toContain("<html");
  });

  it("empties the cache and stops serving from it when the LISTEN connection is lost, then resumes", async () => {
    const page = `/projects/${scenario.project.slug}`;
    await warm(page);
    a.cache.breakConnection();
    expect(a.cache.store.size).toBe(0);
    expect((await visit(a, page)).state).toBeNull();
    const until = Date.now() + 10_000;
    while (!a.cache.ready && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, 50));
    expect(a.cache.ready).toBe(true);
    expect((await visit(a, page)).state).toBe("miss");
    expect((await visit(a, page)).state).toBe("hit");
  });
});
