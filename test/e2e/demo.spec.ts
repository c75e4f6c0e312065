// The demo as a newcomer meets it after `npm start` (issue 11): each demo account signs in and
// finds live work on its first page, all of it on the fictional training project, and the real
// projects carry no training data.
import { expect, test } from "@playwright/test";
import { raisePeriodReminder } from "~/models/notifications/dispatch.server";
import { prisma } from "~/services/db.server";
import { DEMO_PASSWORD } from "../../prisma/seed/data";
import { TRAINING_PROJECT_NAME, TRAINING_PROJECT_SLUG } from "../../prisma/seed/training";
import { expectAccessible, signIn, waitForEmail } from "./helpers";

test.afterAll(async () => {
  await prisma.$disconnect();
});

async function trainingPeriod() {
  return prisma.commentPeriod.findFirstOrThrow({
    where: { project: { slug: TRAINING_PROJECT_SLUG } },
    select: { id: true, closesAt: true },
  });
}

test("the company lands on its dashboard with the training project's open information request", async ({ page }) => {
  await signIn(page, "company@lodestone.test", DEMO_PASSWORD);
  await expect(page).toHaveURL(/\/dashboard$/);
  const requests = page.getByRole("region", { name: "Open information requests" });
  await expect(requests.getByText("Spring flow below the pit")).toBeVisible();
  await expect(requests.getByText(TRAINING_PROJECT_NAME).first()).toBeVisible();
  await expectAccessible(page);
});

test("the regulator lands on the review queue with a package to determine, an answer to decide and reviews", async ({
  page,
}) => {
  await signIn(page, "regulator@lodestone.test", DEMO_PASSWORD);
  await expect(page).toHaveURL(/\/queue$/);
  await expect(
    page
      .getByRole("region", { name: "Packages to check for completeness" })
      .getByText("Plan of operations (training project)"),
  ).toBeVisible();
  await expect(
    page.getByRole("region", { name: "Answers awaiting a decision" }).getByText("Haul road dust control plan"),
  ).toBeVisible();
  await expect(page.getByRole("region", { name: "My reviews" }).getByText("Greater sage-grouse habitat")).toBeVisible();
  await expectAccessible(page);

  const period = await trainingPeriod();
  await page.goto(`/comment-periods/${period.id}/moderation`);
  await expect(page.getByText(/Hidden automatically after 3 reports/).first()).toBeVisible();
});

test("the NGO analyst finds the open period, its two form-letter campaigns and the CSV export", async ({ page }) => {
  await signIn(page, "ngo@lodestone.test", DEMO_PASSWORD);
  // A monitor with a watchlist lands on it; the open periods are on the home page.
  await expect(page).toHaveURL(/\/watchlists/);
  await page.goto("/");
  const open = page.getByRole("region", { name: "Open for public comment now" });
  await expect(open.getByText("Fictional training project", { exact: true })).toBeVisible();
  await open.getByRole("link", { name: /Draft EIS comment period \(fictional training project\)/ }).click();
  await page.getByRole("link", { name: "Read the comments" }).click();
  await expect(page.getByText("2 form-letter campaigns")).toBeVisible();
  await expect(page.getByRole("heading", { name: "150 copies (40 with added text)" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "90 copies (25 with added text)" })).toBeVisible();
  await expectAccessible(page);

  const csvHref = await page.getByRole("link", { name: "Download all comments (CSV)" }).getAttribute("href");
  const csv = await page.request.get(csvHref!);
  expect(csv.status()).toBe(200);
  expect(csv.headers()["content-disposition"]).toContain(TRAINING_PROJECT_SLUG);
  // Every comment has its row; the one hidden pending review keeps its row with the text withheld.
  const rows = (await csv.text()).split("\n").filter((line) => line.startsWith("LDS-"));
  expect(rows).toHaveLength(312);
  expect(rows.filter((line) => line.includes(",PENDING_REVIEW,"))).toHaveLength(1);
});

test("the community member can comment now from the home page", async ({ page }) => {
  await signIn(page, "community@lodestone.test", DEMO_PASSWORD);
  await expect(page).toHaveURL(/\/$/);
  await expectAccessible(page);
  await page
    .getByRole("region", { name: "Open for public comment now" })
    .getByRole("link", { name: "Comment on this" })
    .first()
    .click();
  await page.getByLabel(/As an individual/).check();
  await page
    .getByRole("textbox", { name: "Your comment", exact: true })
    .fill("Practice comment from the demo: please publish the spring flow data with the final EIS.");
  await page.getByRole("button", { name: "Send comment" }).click();
  await expect(page.getByRole("heading", { name: "Your comment was received" })).toBeVisible();
});

test("the training project is badged as fictional and the real NorthMet record has its state permit to mine", async ({
  page,
}) => {
  await page.goto(`/projects/${TRAINING_PROJECT_SLUG}`);
  await expect(page.getByText("Fictional training project").first()).toBeVisible();
  await expectAccessible(page);

  await page.goto("/projects/northmet");
  await expect(page.getByText("Fictional training project", { exact: true })).toHaveCount(0);
  await expect(page.getByRole("row", { name: /State permit to mine issued/ })).toBeVisible();
  await expect(page.getByRole("row", { name: /Contested-case hearing on the permit to mine stayed/ })).toBeVisible();
  await expect(page.getByRole("link", { name: "Source for the move to Permits issued" })).toHaveAttribute(
    "href",
    /mvp\.usace\.army\.mil/,
  );
  // Other specs open periods on real projects as part of their own stories; the demo data itself
  // (the real projects are written first, then the training period, all before any spec ran) must
  // not have opened any.
  const trainingPeriod = await prisma.commentPeriod.findFirstOrThrow({
    where: { project: { slug: TRAINING_PROJECT_SLUG } },
    orderBy: { createdAt: "asc" },
  });
  const seededOnReal = await prisma.commentPeriod.count({
    where: { project: { isTraining: false }, createdAt: { lte: trainingPeriod.createdAt } },
  });
  expect(seededOnReal, "no comment period was invented on a real project").toBe(0);
});

test("the 7-day reminder of the training period reaches its followers when the clock gets there", async () => {
  const period = await trainingPeriod();
  const jobs = await prisma.$queryRaw<{ run_at: Date; payload: { kind: string; closesAt: string } }[]>`
    select j.run_at, j.payload from graphile_worker._private_jobs j
    join graphile_worker._private_tasks t on t.id = j.task_id
    where t.identifier = 'comment-period-reminder' and j.payload->>'periodId' = ${period.id}
      and j.payload->>'kind' = 'closing7d'`;
  expect(jobs).toHaveLength(1);
  const [job] = jobs;
  expect(job!.run_at.getTime()).toBe(period.closesAt.getTime() - 7 * 24 * 3600_000);
  expect(job!.run_at.getTime()).toBeGreaterThan(Date.now());

  // Moving the clock to the job's run_at: the worker would run exactly this with the job's payload.
  await raisePeriodReminder({ periodId: period.id, kind: "closing7d", closesAt: job!.payload.closesAt });
  const email = await waitForEmail("community@lodestone.test", /7 days left to comment/);
  expect(email.subject).toContain("fictional training project");
});
