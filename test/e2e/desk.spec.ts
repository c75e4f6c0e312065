// The monitoring desk's public pages (schedule slips, statutory deadlines, agency track records)
// and the regulator's statutory clock desk: axe on each, and each works without JavaScript.
import { expect, test } from "@playwright/test";
import { DEMO_PASSWORD } from "../../prisma/seed/data";
import { prisma } from "~/services/db.server";
import { expectAccessible, signIn } from "./helpers";

test.afterAll(async () => {
  await prisma.$disconnect();
});

const PAGES = [
  { path: "/schedule", heading: "Schedule slips" },
  { path: "/schedule/statutory", heading: "Statutory deadlines" },
  { path: "/agencies", heading: "Agency track records" },
  { path: "/agencies/blm-nevada", heading: "Bureau of Land Management, Nevada: track record" },
];

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  for (const { path, heading } of PAGES) {
    test(`${path} renders, filters by a plain GET form and passes axe`, async ({ page }) => {
      await page.goto(path);
      await expect(page.getByRole("heading", { level: 1, name: heading })).toBeVisible();
      await expectAccessible(page, { javaScriptDisabled: true });
    });
  }

  test("/schedule filters by lead agency and kind, and the CSV has the same rows", async ({ page, request }) => {
    await page.goto("/schedule");
    await page.getByLabel("Lead agency").selectOption({ label: "U.S. Forest Service, Coronado National Forest" });
    await page.getByLabel("Show").selectOption("overdue");
    await page.getByRole("button", { name: "Apply" }).click();
    await expect(page).toHaveURL(/leadAgency=usfs-coronado-nf/);
    const rows = page.locator("table tbody tr");
    await expect(rows.first()).toContainText("Hermosa");
    const csv = await request.get("/schedule.csv?leadAgency=usfs-coronado-nf&kind=overdue");
    expect(csv.headers()["content-type"]).toContain("text/csv");
    const lines = (await csv.text()).trim().split("\r\n");
    expect(lines.length - 1).toBe(await rows.count());
  });

  test("the project page shows its statutory clock, reference or legal", async ({ page }) => {
    await page.goto("/projects/hermosa");
    const section = page.getByRole("region", { name: "Statutory deadline" });
    await expect(section).toContainText("May 10, 2026");
    await expect(section).toContainText("No extension is recorded.");
    await page.goto("/projects/thacker-pass");
    await expect(page.getByRole("region", { name: "Statutory deadline" })).toContainText("Reference only");
  });

  test("the lead agency's regulator records an extension with its reason", async ({ page }) => {
    await signIn(page, "regulator@lodestone.test", DEMO_PASSWORD);
    await page.goto("/projects/silver-peak-lithium-amendment/statutory");
    await expectAccessible(page, { javaScriptDisabled: true });
    await page.getByLabel("New deadline").fill("2027-01-01");
    await page.getByLabel("Reason (public)").fill("Too early: this date is before the deadline in force.");
    await page.getByRole("button", { name: "Record the extension" }).click();
    await expect(page.getByText("An extension must move the deadline later")).toBeVisible();
    await page.getByLabel("New deadline").fill("2027-08-31");
    await page.getByLabel("Reason (public)").fill("Consultation with the applicant on the revised groundwater model.");
    await page.getByRole("button", { name: "Record the extension" }).click();
    await page.goto("/projects/silver-peak-lithium-amendment");
    const section = page.getByRole("region", { name: "Statutory deadline" });
    await expect(section).toContainText("Aug 31, 2027");
    await expect(section).toContainText("revised groundwater model");
  });
});
