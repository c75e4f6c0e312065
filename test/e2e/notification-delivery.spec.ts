// Follow a project, a regulator advances it, the follower's email (recorded by the Resend stand-in)
// names the new stage and links to the project; the one-click unsubscribe stops the next one. The
// worker runs inside the app server, as it does by default.
import { expect, test } from "@playwright/test";
import { prisma } from "~/services/db.server";
import { APP_URL, MAIL_URL } from "../../playwright.config";
import { DEMO_PASSWORD } from "../../prisma/seed/data";
import { expectAccessible, signIn, waitForEmail } from "./helpers";
import { demoProject } from "./world";

const FOLLOWER = "community@lodestone.test";

type RecordedEmail = {
  to: string | string[];
  subject: string;
  html: string;
  text: string;
  headers?: Record<string, string>;
};

async function emailsTo(address: string): Promise<RecordedEmail[]> {
  const response = await fetch(`${MAIL_URL}/__emails?to=${encodeURIComponent(address)}`);
  return (await response.json()) as RecordedEmail[];
}

async function advanceAsRegulator(browser: import("@playwright/test").Browser, slug: string, reason: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, "regulator@lodestone.test", DEMO_PASSWORD);
  await page.goto(`/projects/${slug}/stage`);
  await page.getByLabel("Reason", { exact: true }).fill(reason);
  await page.getByRole("button", { name: "Record the change" }).click();
  await expect(page.getByRole("region", { name: "Stage history" })).toContainText(reason);
  await context.close();
}

test.afterAll(async () => {
  await prisma.$disconnect();
});

test("a follower is emailed the new stage with a working link, and one-click unsubscribe stops the next email", async ({
  page,
  browser,
  request,
}) => {
  const project = await demoProject("Followed Mine");
  await signIn(page, FOLLOWER, DEMO_PASSWORD);
  await page.goto(`/projects/${project.slug}`);
  await page.getByRole("button", { name: "Follow", exact: true }).click();
  await expect(page.getByRole("status").or(page.getByRole("alert")).first()).toBeVisible();
  await expect(page.getByRole("button", { name: /unfollow|stop following/i })).toBeVisible();

  await advanceAsRegulator(browser, project.slug, "Notice of intent published in the Federal Register.");

  const email = await waitForEmail(FOLLOWER, new RegExp(`${project.name} advanced to Draft EIS`));
  expect(email.text).toContain("Draft EIS");
  expect(email.text).toContain("Notice of intent published in the Federal Register.");
  const projectLink = `${APP_URL}/projects/${project.slug}`;
  expect(email.text).toContain(projectLink);
  const visit = await page.goto(projectLink);
  expect(visit?.status()).toBe(200);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(project.name);

  // One click from the mail app: a POST without cookies or Origin, as RFC 8058 describes.
  const recorded = (await emailsTo(FOLLOWER)).find((e) => e.subject === email.subject);
  const header = recorded?.headers?.["List-Unsubscribe"] ?? "";
  expect(recorded?.headers?.["List-Unsubscribe-Post"]).toBe("List-Unsubscribe=One-Click");
  const unsubscribeUrl = /^<(.+)>$/.exec(header)?.[1] ?? "";
  expect(unsubscribeUrl).toContain(`${APP_URL}/unsubscribe?token=`);
  const oneClick = await request.post(unsubscribeUrl, {
    form: { "List-Unsubscribe": "One-Click" },
    headers: { cookie: "" },
  });
  expect(oneClick.status()).toBe(200);

  await advanceAsRegulator(browser, project.slug, "Draft EIS notice of availability published.");
  // Wait until the worker has dispatched the second change, then check nothing was sent for it.
  await expect
    .poll(
      async () =>
        prisma.domainEvent.count({
          where: { aggregateId: project.id, type: "project.stageChanged", processedAt: { not: null } },
        }),
      { timeout: 15_000 },
    )
    .toBe(2);
  await expect
    .poll(async () => prisma.emailDelivery.count({ where: { status: "PENDING", toEmail: FOLLOWER } }))
    .toBe(0);
  const stageEmails = (await emailsTo(FOLLOWER)).filter((e) => e.subject.startsWith(project.name));
  expect(stageEmails.map((e) => e.subject)).toEqual([email.subject]);
  // Still following in the app: the second change is in the notification list.
  await page.goto("/notifications");
  await expect(page.getByRole("main")).toContainText(`${project.name} advanced to Final EIS`);
  await expectAccessible(page);
});
