// The read API's pure HTTP pieces: opaque cursors, If-None-Match matching, and the Express
// preflight answer for /api/v1 (before Remix's origin check could refuse it).
import type { AddressInfo } from "node:net";
import express from "express";
import { describe, expect, it } from "vitest";
import { decodeCursor, encodeCursor } from "~/services/api/cursor.server";
import { ApiProblem } from "~/services/api/problem.server";
import { matchesIfNoneMatch } from "~/services/api/etag";
import { apiCors } from "../../scripts/api-cors";

describe("cursors", () => {
  it("round-trip a key, and refuse another collection's or a malformed one with a 400", () => {
    const cursor = encodeCursor("comments", ["2026-01-02T03:04:05.000Z", "abc"]);
    expect(decodeCursor(cursor, "comments", ["instant", "text"])).toEqual(["2026-01-02T03:04:05.000Z", "abc"]);
    for (const bad of [
      encodeCursor("projects", ["slug"]),
      encodeCursor("comments", ["not a date", "abc"]),
      encodeCursor("comments", [1, "abc"]),
      "%%%",
      "e30",
      "x".repeat(2000),
    ]) {
      let thrown: unknown;
      try {
        decodeCursor(bad, "comments", ["instant", "text"]);
      } catch (error) {
        thrown = error;
      }
      expect(thrown, bad).toBeInstanceOf(ApiProblem);
      expect((thrown as ApiProblem).status).toBe(400);
    }
    expect(decodeCursor(null, "comments", ["instant", "text"])).toBeNull();
  });
});

describe("If-None-Match", () => {
  it("compares weakly, takes lists and *", () => {
    expect(matchesIfNoneMatch('W/"abc"', 'W/"abc"')).toBe(true);
    expect(matchesIfNoneMatch('"abc"', 'W/"abc"')).toBe(true);
    expect(matchesIfNoneMatch('"x", W/"abc"', 'W/"abc"')).toBe(true);
    expect(matchesIfNoneMatch("*", 'W/"abc"')).toBe(true);
    expect(matchesIfNoneMatch('W/"abd"', 'W/"abc"')).toBe(false);
    expect(matchesIfNoneMatch(null, 'W/"abc"')).toBe(false);
  });
});

describe("the API's CORS middleware", () => {
  it("answers a cross-site preflight under /api/v1 and leaves other paths alone", async () => {
    const app = express();
    app.use(apiCors);
    app.all("*", (_req, res) => void res.status(418).end());
    const server = app.listen(0, "127.0.0.1");
    await new Promise((resolve) => server.once("listening", resolve));
    const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const preflight = await fetch(`${origin}/api/v1/projects`, {
        method: "OPTIONS",
        headers: { Origin: "https://elsewhere.example", "Access-Control-Request-Method": "GET" },
      });
      expect(preflight.status).toBe(204);
      expect(preflight.headers.get("access-control-allow-origin")).toBe("*");
      expect(preflight.headers.get("access-control-allow-methods")).toBe("GET, HEAD, OPTIONS");
      const get = await fetch(`${origin}/api/v1/projects`);
      expect(get.status).toBe(418);
      expect(get.headers.get("cross-origin-resource-policy")).toBe("cross-origin");
      const page = await fetch(`${origin}/projects`, { method: "OPTIONS" });
      expect(page.status).toBe(418);
      expect(page.headers.get("cross-origin-resource-policy")).toBeNull();
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
