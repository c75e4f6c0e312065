// The read API through the real server: the reference page (with JavaScript off, axe-clean), and
// the API read from a script on another site, which needs the CORS preflight Express answers.
import { expect, test } from "@playwright/test";
import { APP_URL, MAIL_URL } from "../../playwright.config";
import { expectAccessible } from "./helpers";

test.describe("the API reference without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("lists every endpoint of the OpenAPI document and passes axe", async ({ page, request }) => {
    // A long page for axe on a shared, busy machine.
    test.setTimeout(180_000);
    await page.goto("/api");
    await expect(page.getByRole("heading", { level: 1, name: "Public record API" })).toBeVisible();
    const document = (await (await request.get("/api/v1/openapi.json")).json()) as {
      paths: Record<string, { get: { summary: string } }>;
    };
    for (const { get } of Object.values(document.paths)) {
      await expect(page.getByRole("heading", { level: 3, name: get.summary, exact: true })).toBeVisible();
    }
    await expect(page.getByRole("link", { name: "the OpenAPI 3.1 document" })).toHaveAttribute(
      "href",
      "/api/v1/openapi.json",
    );
    await expect(page.getByRole("table", { name: "Parameters of projects" })).toBeVisible();
    await expectAccessible(page, { javaScriptDisabled: true });
  });
});

test("a script on another site reads the API, revalidates with its ETag and never gets a cookie", async ({
  page,
  request,
}) => {
  const direct = await request.get("/api/v1/projects?limit=2");
  expect(direct.status()).toBe(200);
  expect(direct.headers()["cross-origin-resource-policy"]).toBe("cross-origin");
  expect(direct.headers()["set-cookie"]).toBeUndefined();

  // A page on another origin: the local mail recorder, a real loopback server (a page made up with
  // page.route has no address, and Chromium then keeps it from reading a local server).
  await page.goto(`${MAIL_URL}/__emails`);
  const result = await page.evaluate(async (origin) => {
    const first = await fetch(`${origin}/api/v1/projects?limit=2`);
    const body = (await first.json()) as { data: { slug: string }[]; next: string | null };
    const etag = first.headers.get("ETag") ?? "";
    // If-None-Match is not a CORS-safelisted header: the browser sends a preflight first.
    const again = await fetch(`${origin}/api/v1/projects?limit=2`, { headers: { "If-None-Match": etag } });
    return {
      status: first.status,
      count: body.data.length,
      hasNext: body.next !== null,
      etag,
      rateLimit: first.headers.get("RateLimit"),
      rateLimitPolicy: first.headers.get("RateLimit-Policy"),
      againStatus: again.status,
    };
  }, APP_URL);
  expect(result.status).toBe(200);
  expect(result.count).toBe(2);
  expect(result.hasNext).toBe(true);
  expect(result.etag).toMatch(/^W\//);
  // The request above may have put the page in the visitor cache: a cache hit is not counted
  // against the limit, so it carries the policy but no per-client remainder.
  expect(result.rateLimitPolicy).toMatch(/^"api";q=\d+;w=\d+$/);
  if (result.rateLimit !== null) expect(result.rateLimit).toMatch(/^"api";r=\d+;t=\d+$/);
  expect(result.againStatus).toBe(304);
});

test("a cross-site preflight is answered before the origin check", async ({ request }) => {
  const preflight = await request.fetch("/api/v1/projects", {
    method: "OPTIONS",
    headers: {
      Origin: "http://elsewhere.test",
      "Access-Control-Request-Method": "GET",
      "Access-Control-Request-Headers": "if-none-match",
    },
  });
  expect(preflight.status()).toBe(204);
  expect(preflight.headers()["access-control-allow-origin"]).toBe("*");
  expect(preflight.headers()["access-control-allow-headers"]).toContain("If-None-Match");
});
