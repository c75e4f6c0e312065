import { expect, test } from "@playwright/test";
import { prisma } from "~/services/db.server";
import { DEMO_PASSWORD } from "../../prisma/seed/data";
import { APP_URL } from "../../playwright.config";
import { expectAccessible, signIn } from "./helpers";
import { demoProjectWithMilestone } from "./world";

test.afterAll(async () => {
  await prisma.$disconnect();
});

test("a regulator of the lead agency advances a project with a reason, shown in the public history", async ({
  page,
}) => {
  const project = await demoProjectWithMilestone("E2E Mine");
  await signIn(page, "regulator@lodestone.test", DEMO_PASSWORD);
  await page.goto(`/projects/${project.slug}`);
  await page.getByRole("link", { name: "Change stage" }).click();
  await expectAccessible(page);
  await expect(page.getByLabel("What happens")).toHaveValue("ADVANCE");
  await expect(page.getByRole("option", { name: "Advance to Draft EIS" })).toBeAttached();

  await page.getByRole("button", { name: "Record the change" }).click();
  await expect(page.getByText("Give the reason in a sentence: it is shown publicly.")).toBeVisible();

  await page
    .getByLabel("Reason", { exact: true })
    .fill("Draft EIS notice of availability published in the Federal Register.");
  await page.getByRole("button", { name: "Record the change" }).click();
  await expect(page.getByText(/Followers of .* will be notified/)).toBeVisible();
  const history = page.getByRole("region", { name: "Stage history" });
  await expect(history.getByRole("row").nth(1)).toContainText("Notice of intent and scoping → Draft EIS");
  await expect(history).toContainText("Draft EIS notice of availability published in the Federal Register.");
  await expect(history).toContainText("Demo Regulator");
  await expectAccessible(page);
});

test("a company user cannot move their project between stages, only withdraw it", async ({ page }) => {
  const project = await demoProjectWithMilestone("E2E Mine");
  await signIn(page, "company@lodestone.test", DEMO_PASSWORD);
  await page.goto(`/projects/${project.slug}/stage`);
  await expect(page.getByLabel("What happens").getByRole("option")).toHaveText(["Withdraw the project"]);
  const version = await page.locator("input[name=version]").inputValue();
  const response = await page.request.post(`/projects/${project.slug}/stage`, {
    headers: { Origin: APP_URL },
    form: { version, kind: "ADVANCE", reason: "A company trying to advance its own project." },
  });
  expect(response.status()).toBe(403);
  expect((await prisma.project.findUniqueOrThrow({ where: { id: project.id } })).currentStage).toBe("noi_scoping");
});

test("two regulators submitting at once: one change applies, the other is told to reload", async ({ page }) => {
  const project = await demoProjectWithMilestone("E2E Mine");
  await signIn(page, "regulator@lodestone.test", DEMO_PASSWORD);
  const post = (reason: string) =>
    page.request.post(`/projects/${project.slug}/stage`, {
      headers: { Origin: APP_URL },
      form: { version: "1", kind: "ADVANCE", reason },
      maxRedirects: 0,
    });
  const responses = await Promise.all([
    post("First regulator's reason, sent at once."),
    post("Second regulator's reason, sent at once."),
  ]);
  expect(responses.map((r) => r.status()).sort()).toEqual([302, 409]);
  expect(await prisma.stageTransition.count({ where: { projectId: project.id } })).toBe(1);
  expect((await prisma.project.findUniqueOrThrow({ where: { id: project.id } })).version).toBe(2);

  // In the browser: two tabs open on the same version; the second to submit is told to reload.
  await page.goto(`/projects/${project.slug}/stage`);
  const otherTab = await page.context().newPage();
  await otherTab.goto(`/projects/${project.slug}/stage`);
  await otherTab.getByLabel("Reason", { exact: true }).fill("The change made in the other tab first.");
  await otherTab.getByRole("button", { name: "Record the change" }).click();
  await expect(otherTab.getByText(/will be notified/)).toBeVisible();
  await page.getByLabel("Reason", { exact: true }).fill("A change made from a page that is now stale.");
  await page.getByRole("button", { name: "Record the change" }).click();
  await expect(page.getByRole("alert")).toContainText("Someone changed this project since you opened the page. Reload");
  await expect(page.getByLabel("Reason", { exact: true })).toHaveValue("A change made from a page that is now stale.");
  expect(await prisma.stageTransition.count({ where: { projectId: project.id } })).toBe(2);
});

test("a target date change with its reason appears in the public schedule history and the timeline renders", async ({
  page,
  browser,
}) => {
  const project = await demoProjectWithMilestone("E2E Mine");
  await signIn(page, "regulator@lodestone.test", DEMO_PASSWORD);
  await page.goto(`/projects/${project.slug}/milestones`);
  await expectAccessible(page);
  await page.getByText("Change the target date or mark as done").click();
  await page.getByLabel("New target date").fill("2027-04-30");
  await page.getByLabel("Reason", { exact: true }).selectOption("CONSULTATION");
  await page
    .getByLabel("Explanation (public)")
    .fill("Consultation with the Nevada SHPO is taking longer than planned.");
  await page.getByRole("button", { name: "Change target date" }).click();
  await expect(page.getByText("The new target date is recorded")).toBeVisible();

  const visitor = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
  await visitor.goto(`/projects/${project.slug}`);
  const changes = visitor.getByRole("region", { name: "Schedule changes" });
  await expect(changes).toContainText("Jan 15, 2027");
  await expect(changes).toContainText("Apr 30, 2027");
  await expect(changes).toContainText("Consultation");
  await expect(changes).toContainText("Consultation with the Nevada SHPO is taking longer than planned.");
  await expect(visitor.getByRole("img", { name: /Milestones of/ })).toBeVisible();
  const table = visitor.getByRole("table", { name: /Milestones of/ });
  await expect(table).toContainText("Delayed");
  await expect(table).toContainText("+105 days");
  await expectAccessible(visitor, { javaScriptDisabled: true });
});
