// The headers of real responses from the Express app (scripts/app.ts) serving a fresh build:
// a nonce-based Content-Security-Policy on every page, the other security headers, HSTS only over
// https, and nothing a signed-in person sees or any Single Fetch data left in a cache.
import { execFile } from "node:child_process";
import type { AddressInfo } from "node:net";
import type { Server } from "node:http";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { promisify } from "node:util";
import type { ServerBuild } from "@remix-run/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSession } from "~/services/auth.server";
import { createApp } from "../../scripts/app";
import { createUser } from "../support/factories";

const root = path.resolve(import.meta.dirname, "../..");
const servers: Server[] = [];
let httpOrigin = "";
let httpsAppOrigin = "";

async function listen(appUrl: string, build: ServerBuild): Promise<string> {
  const app = createApp({ build, appUrl, publicDir: path.join(root, "public") });
  const server = await new Promise<Server>((resolve) => {
    const started = app.listen(0, "127.0.0.1", () => resolve(started));
  });
  servers.push(server);
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

beforeAll(async () => {
  // The app's own build, as `npm run build` makes it (the Prisma client is already generated). Vitest
  // sets NODE_ENV=test, which would make a development build that `npm run serve` cannot run.
  await promisify(execFile)(path.join(root, "node_modules", ".bin", "remix"), ["build"], {
    cwd: root,
    env: { ...process.env, NODE_ENV: "production" },
  });
  const build = (await import(
    /* @vite-ignore */ pathToFileURL(path.join(root, "build", "index.js")).href
  )) as ServerBuild;
  httpOrigin = await listen("http://localhost:3000", build);
  httpsAppOrigin = await listen("https://lodestone.example.org", build);
});

afterAll(async () => {
  await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
});

function directives(response: Response): Map<string, string[]> {
  const header = response.headers.get("content-security-policy") ?? "";
  return new Map(
    header
      .split(";")
      .map((part) => part.trim().split(/\s+/))
      .filter(([name]) => name)
      .map(([name, ...values]) => [name, values]),
  );
}

function nonceOf(response: Response): string {
  const source = (directives(response).get("script-src") ?? []).find((value) => value.startsWith("'nonce-"));
  if (!source) throw new Error("No nonce in script-src");
  return source.slice("'nonce-".length, -1);
}

async function signedInCookie(): Promise<string> {
  const user = await createUser();
  const setCookie = await startSession(new Request("http://localhost:3000/auth/login"), user.id);
  return setCookie.split(";")[0];
}

describe("security headers", () => {
  it("sends a nonce-based CSP with no inline script or style allowed, and the other headers, on an HTML page", async () => {
    const response = await fetch(`${httpOrigin}/`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/html/);
    const csp = directives(response);
    expect(csp.get("default-src")).toEqual(["'self'"]);
    expect(csp.get("script-src")).toEqual(["'self'", `'nonce-${nonceOf(response)}'`]);
    expect(csp.get("style-src")).toEqual(["'self'"]);
    expect(csp.get("script-src-attr")).toEqual(["'none'"]);
    expect(csp.get("object-src")).toEqual(["'none'"]);
    expect(csp.get("frame-ancestors")).toEqual(["'none'"]);
    expect(csp.get("form-action")).toEqual(["'self'"]);
    expect(response.headers.get("content-security-policy")).not.toContain("unsafe-inline");
    expect(csp.has("upgrade-insecure-requests")).toBe(false);

    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("x-frame-options")).toBe("DENY");
    expect(response.headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
    expect(response.headers.get("cross-origin-opener-policy")).toBe("same-origin");
    expect(response.headers.get("cross-origin-resource-policy")).toBe("same-origin");
    expect(response.headers.get("permissions-policy")).toContain("camera=()");
    expect(response.headers.get("permissions-policy")).toContain("geolocation=()");
    expect(response.headers.get("permissions-policy")).toContain("microphone=()");
    expect(response.headers.has("strict-transport-security")).toBe(false);
    expect(response.headers.has("x-powered-by")).toBe(false);
  });

  it("puts the response's nonce on every script tag, a different nonce on every response", async () => {
    const pages = await Promise.all([fetch(`${httpOrigin}/projects`), fetch(`${httpOrigin}/projects`)]);
    const nonces = [];
    for (const response of pages) {
      const nonce = nonceOf(response);
      const html = await response.text();
      const scripts = html.match(/<script\b[^>]*>/g) ?? [];
      expect(scripts.length).toBeGreaterThan(1);
      for (const tag of scripts) expect(tag).toContain(` nonce="${nonce}"`);
      expect(html).not.toMatch(/\sstyle="/);
      nonces.push(nonce);
    }
    expect(nonces[0]).toMatch(/^[A-Za-z0-9+/]{22}==$/);
    expect(nonces[0]).not.toBe(nonces[1]);
  });

  it("asks for HSTS and upgraded requests only when APP_URL is https", async () => {
    const response = await fetch(`${httpsAppOrigin}/`);
    expect(response.headers.get("strict-transport-security")).toBe("max-age=31536000; includeSubDomains");
    expect(directives(response).has("upgrade-insecure-requests")).toBe(true);
    const plain = await fetch(`${httpOrigin}/`);
    expect(plain.headers.has("strict-transport-security")).toBe(false);
  });
});

describe("caching", () => {
  it("keeps a visitor's public page cacheable as the route says", async () => {
    const response = await fetch(`${httpOrigin}/projects`);
    expect(response.headers.get("cache-control")).toBe("public, max-age=30");
  });

  it("keeps a signed-in page out of every cache", async () => {
    const response = await fetch(`${httpOrigin}/projects`, { headers: { Cookie: await signedInCookie() } });
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("private, no-store");
  });

  it("keeps Single Fetch data out of every cache, for visitors too", async () => {
    const response = await fetch(`${httpOrigin}/projects.data`);
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("private, no-store");
    const signedIn = await fetch(`${httpOrigin}/projects.data`, { headers: { Cookie: await signedInCookie() } });
    expect(signedIn.headers.get("cache-control")).toBe("private, no-store");
  });

  it("leaves static files cacheable for signed-in people", async () => {
    const response = await fetch(`${httpOrigin}/favicon.svg`, { headers: { Cookie: await signedInCookie() } });
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("public, max-age=3600");
  });
});
