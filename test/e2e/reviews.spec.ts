import { expect, test } from "@playwright/test";
import { prisma } from "~/services/db.server";
import { DEMO_PASSWORD } from "../../prisma/seed/data";
import { expectAccessible, signIn } from "./helpers";
import { demoProject } from "./world";

test.afterAll(async () => {
  await prisma.$disconnect();
});

test("a hold condition set in a review blocks the next stage until it is met", async ({ page }) => {
  const project = await demoProject("Hold Mine", "draft_eis");

  await signIn(page, "regulator@lodestone.test", DEMO_PASSWORD);
  await page.goto(`/projects/${project.slug}/reviews`);
  await expectAccessible(page);
  await page.getByLabel("Resource area").selectOption("WILDLIFE_ESA");
  await page.getByLabel("Title").fill("ESA section 7 consultation: Tiehm's buckwheat");
  await page.getByRole("button", { name: /Open/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: /Tiehm's buckwheat/ })).toBeVisible();
  await expectAccessible(page);

  await page.goto(`/projects/${project.slug}/conditions`);
  await page.getByLabel("Condition (public)").fill("Fence the critical habitat before any ground disturbance.");
  await page.getByLabel("Severity").selectOption("HOLD");
  await page.getByRole("button", { name: "Add the condition" }).click();
  await expect(page.getByText("The condition of approval is recorded.")).toBeVisible();
  await expectAccessible(page);

  await page.goto(`/projects/${project.slug}/stage`);
  await expect(page.locator("main")).toContainText(
    'blocked by the pending condition "Fence the critical habitat before any ground disturbance."',
  );

  await page.goto(`/projects/${project.slug}/conditions`);
  await page.getByLabel("Resolution").selectOption("MET");
  await page
    .getByLabel("How it was met, or why it is waived (public)")
    .fill("Fencing inspected and accepted by FWS on site.");
  await page.getByRole("button", { name: "Resolve" }).click();
  await expect(page.getByText("The condition is resolved.")).toBeVisible();

  await page.goto(`/projects/${project.slug}/stage`);
  await expect(page.getByLabel("What happens")).toHaveValue("ADVANCE");
  await page.getByLabel("Reason", { exact: true }).fill("Final EIS notice of availability published.");
  await page.getByRole("button", { name: "Record the change" }).click();
  await expect(page.getByText(/will be notified/)).toBeVisible();
});
