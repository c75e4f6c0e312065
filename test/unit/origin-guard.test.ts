// The origin check in front of Remix, run with Remix's own request handler: a foreign or null
// Origin must be a 403 with a reason (Remix alone answers 500), and /unsubscribe must take a mail
// provider's one-click POST whatever its Origin.
import type { AddressInfo } from "node:net";
import { createRequestHandler } from "@remix-run/express";
import type { ServerBuild } from "@remix-run/node";
import express from "express";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { originGuard, remixWouldRefuse } from "~/services/csrf.server";

const actions: string[] = [];
const route = (id: string, path: string) => ({
  id,
  parentId: "root",
  path,
  index: undefined,
  caseSensitive: undefined,
  module: {
    action: () => {
      actions.push(id);
      return { done: id };
    },
    default: () => null,
  },
});
const build = {
  mode: "production",
  entry: { module: { default: () => new Response("rendered", { headers: { "Content-Type": "text/html" } }) } },
  routes: {
    root: { id: "root", path: "", module: { default: () => null } },
    unsubscribe: route("unsubscribe", "unsubscribe"),
    projects: route("projects", "projects"),
  },
  assets: { entry: { module: "/e.js", imports: [] }, routes: {}, url: "/m.js", version: "1" },
  publicPath: "/build/",
  assetsBuildDirectory: "public/build",
  future: {},
  isSpaMode: false,
  basename: undefined,
} as unknown as ServerBuild;

let base = "";
let close = () => {};
beforeAll(async () => {
  const app = express();
  app.use(originGuard("https://lodestone.example.org"));
  app.all("*", createRequestHandler({ build, mode: "production" }));
  const server = app.listen(0);
  await new Promise((resolve) => server.once("listening", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  close = () => server.close();
});
afterAll(() => close());

async function post(path: string, headers: Record<string, string>) {
  actions.length = 0;
  const response = await fetch(base + path, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded", ...headers },
    body: "token=x",
    redirect: "manual",
  });
  return { status: response.status, text: await response.text(), ran: [...actions] };
}

describe("originGuard in front of Remix", () => {
  it("refuses a foreign, null or unreadable Origin with a 403 that says why, before any action runs", async () => {
    for (const origin of ["https://evil.example.com", "null", "not a url"]) {
      const result = await post("/projects", { Origin: origin });
      expect(result.status).toBe(403);
      expect(result.text).toMatch(/^Refused: /);
      expect(result.ran).toEqual([]);
    }
  });

  it("accepts the app's own Origin", async () => {
    const host = new URL(base).host;
    expect((await post("/projects", { Origin: `http://${host}` })).ran).toEqual(["projects"]);
  });

  it("accepts APP_URL's Origin behind a proxy that does not forward the host, where Remix alone would 500", async () => {
    expect(remixWouldRefuse({ origin: "https://lodestone.example.org", host: "127.0.0.1:3000" })).toBe(true);
    const result = await post("/projects", { Origin: "https://lodestone.example.org" });
    expect(result.status).toBeLessThan(500);
    expect(result.ran).toEqual(["projects"]);
  });

  it("takes a one-click unsubscribe POST from any mail provider, with a foreign, null or no Origin", async () => {
    for (const headers of [{ Origin: "https://mail.example.net" }, { Origin: "null" }, {}] as Record<
      string,
      string
    >[]) {
      const result = await post("/unsubscribe?token=x", headers);
      expect(result.status).toBeLessThan(500);
      expect(result.ran).toEqual(["unsubscribe"]);
    }
  });
});
