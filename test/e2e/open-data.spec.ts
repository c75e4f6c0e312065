import { createHash } from "node:crypto";
import { expect, test } from "@playwright/test";
import { prisma } from "~/services/db.server";
import { expectAccessible } from "./helpers";

test.afterAll(async () => {
  await prisma.$disconnect();
});

// The app asks its worker for the files at start; a fresh database gets its first release within
// seconds. Wait for the release row rather than for a fixed time.
async function waitForRelease() {
  await expect
    .poll(async () => prisma.openDataRelease.count(), { timeout: 90_000, intervals: [500, 1000, 2000] })
    .toBeGreaterThan(0);
}

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("a visitor lists every dataset with its dictionary, counts, time and SHA-256, and downloads the ZIP", async ({
    page,
    request,
  }) => {
    await waitForRelease();
    await page.goto("/open-data");
    await expect(page.getByRole("heading", { level: 1, name: "Open data" })).toBeVisible();
    await expect(page.getByText(/^Generated /)).toBeVisible();
    const table = page.getByRole("table", { name: /Datasets of the release/ });
    for (const name of ["Projects", "Milestones (Permitting Dashboard columns)", "Comments", "Moderation log"]) {
      await expect(table.getByRole("rowheader", { name })).toBeVisible();
    }
    await expect(table.getByRole("link", { name: "milestones.csv" })).toHaveAttribute(
      "href",
      "/open-data/milestones.csv",
    );

    // The dictionary opens without a script.
    await page.getByText("Milestones (Permitting Dashboard columns) (", { exact: false }).click();
    await expect(page.getByRole("table", { name: "Columns of milestones" })).toBeVisible();
    await expectAccessible(page, { javaScriptDisabled: true });

    // The SHA-256 shown is the SHA-256 of the bytes served.
    const zipLink = page.getByRole("link", { name: /All datasets, CSV and JSON/ });
    const shown = await zipLink.locator("xpath=..").locator("code").innerText();
    const zip = await request.get((await zipLink.getAttribute("href"))!);
    expect(zip.status()).toBe(200);
    expect(zip.headers()["content-type"]).toBe("application/zip");
    expect(
      createHash("sha256")
        .update(await zip.body())
        .digest("hex"),
    ).toBe(shown);

    // The fictional training project stays out of the bulk files.
    const projects = await request.get("/open-data/projects.csv");
    const csv = await projects.text();
    expect(csv).toContain("thacker-pass");
    expect(csv).not.toContain("fictional training project");
  });
});
