// The verifiable public record in the browser and from outside: a project page says its record
// is verifiable and links to the plain-words explanation on /log (axe at desktop and phone width,
// with JavaScript off), and the standalone verifier, run as a person would
// (`npm run verify-record -- --url <app>`), checks the e2e server's whole log and exits 0.
import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { expect, test } from "@playwright/test";
import { prisma } from "~/services/db.server";
import { APP_URL } from "../../playwright.config";
import { expectAccessible } from "./helpers";

test.afterAll(async () => {
  await prisma.$disconnect();
});

/** The seed's baselines are numbered and signed by the worker shortly after start. */
async function waitForCheckpoint() {
  await expect
    .poll(async () => (await prisma.logPending.count()) === 0 && (await prisma.logCheckpoint.count()) > 0, {
      timeout: 90_000,
      intervals: [500, 1000, 2000],
    })
    .toBe(true);
}

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  for (const width of [1280, 390]) {
    test(`a visitor goes from a project's "verifiable" note to the explanation, at ${width} px`, async ({ page }) => {
      test.setTimeout(180_000);
      await page.setViewportSize({ width, height: 900 });
      await waitForCheckpoint();
      await page.goto("/projects/thacker-pass");
      await expect(page.getByText(/This record is verifiable/)).toBeVisible();
      await expectAccessible(page, { javaScriptDisabled: true });
      await page.getByRole("link", { name: "What that means" }).click();
      await expect(page).toHaveURL(/\/log$/);
      await expect(page.getByRole("heading", { level: 1, name: "A verifiable public record" })).toBeVisible();
      await expect(page.getByRole("heading", { level: 2, name: "What “verifiable” means" })).toBeVisible();

      // The latest checkpoint, its key and the way to check it, all readable without a script.
      const size = await prisma.logEntry.count();
      expect(size).toBeGreaterThan(0);
      await expect(page.getByText("Entries in the log")).toBeVisible();
      await expect(page.getByRole("link", { name: "verify-record.mjs" })).toHaveAttribute("href", "/verify-record.mjs");
      await expect(page.getByText(`node verify-record.mjs --url ${APP_URL}`)).toBeVisible();
      await expect(page.getByRole("link", { name: "checkpoints feed" })).toHaveAttribute(
        "href",
        "/log/checkpoints.atom",
      );
      await expect(page.getByRole("table", { name: /most recent entries/ })).toBeVisible();
      await expectAccessible(page, { javaScriptDisabled: true });
      // Nothing scrolls sideways on a phone.
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
    });
  }
});

// The no-script check above runs axe on a copy of the page in a fresh (desktop-sized) context; this
// runs it on the pages themselves at each width.
for (const width of [1280, 390]) {
  test(`/log and a project page pass axe at ${width} px`, async ({ page }) => {
    test.setTimeout(180_000);
    await page.setViewportSize({ width, height: 900 });
    await waitForCheckpoint();
    for (const url of ["/log", "/projects/thacker-pass"]) {
      await page.goto(url);
      await expectAccessible(page);
    }
  });
}

test("the log's API answers through the read API's wrapper: ETag and 304, CORS, problem+json", async ({ request }) => {
  await waitForCheckpoint();
  const latest = await request.get("/api/v1/log/checkpoints/latest");
  expect(latest.status()).toBe(200);
  expect(latest.headers()["access-control-allow-origin"]).toBe("*");
  const etag = latest.headers().etag;
  expect(etag).toBeTruthy();
  const again = await request.get("/api/v1/log/checkpoints/latest", { headers: { "If-None-Match": etag } });
  expect(again.status()).toBe(304);
  const bad = await request.get("/api/v1/log/entries?start=5&end=2");
  expect(bad.status()).toBe(400);
  expect(bad.headers()["content-type"]).toBe("application/problem+json");
  expect((await bad.json()).errors).toEqual([{ parameter: "end", message: "end must be greater than start" }]);
});

test("`npm run verify-record -- --url <app>` verifies the e2e server's record and exits 0", async () => {
  test.setTimeout(180_000);
  await waitForCheckpoint();
  const dir = mkdtempSync(path.join(os.tmpdir(), "lodestone-verify-"));
  const stateFile = path.join(dir, "state.json");
  try {
    const { stdout } = await promisify(execFile)(
      "npm",
      ["run", "-s", "verify-record", "--", "--url", APP_URL, "--state", stateFile],
      { timeout: 150_000 },
    );
    expect(stdout).toMatch(/Verified \d+ entries and \d+ signed checkpoints/);
    // It kept what it saw, for the next run's consistency check.
    const kept = JSON.parse(readFileSync(stateFile, "utf8"));
    expect(kept.checkpoints.length).toBeGreaterThan(0);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
