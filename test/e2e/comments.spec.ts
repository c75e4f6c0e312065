import { expect, test } from "@playwright/test";
import { prisma } from "~/services/db.server";
import { DEMO_PASSWORD } from "../../prisma/seed/data";
import { expectAccessible, signIn, waitForEmail } from "./helpers";
import { demoProject } from "./world";

test.afterAll(async () => {
  await prisma.$disconnect();
});

/** An open period written straight into the table (the model's openPeriod rules are tested elsewhere). */
async function insertPeriodRow(projectId: string, allowAnonymous = true) {
  const regulator = await prisma.user.findUniqueOrThrow({ where: { email: "regulator@lodestone.test" } });
  return prisma.commentPeriod.create({
    data: {
      projectId,
      stage: "noi_scoping",
      title: "Scoping comments",
      opensAt: new Date(Date.now() - 86_400_000),
      closesAt: new Date(Date.now() + 20 * 86_400_000),
      timeZone: "America/Los_Angeles",
      allowAnonymous,
      openedById: regulator.id,
    },
  });
}

test("a regulator opens a comment period in the agency's time zone; the page shows the deadline, zone and countdown", async ({
  page,
}) => {
  const project = await demoProject("Period Mine");
  await signIn(page, "regulator@lodestone.test", DEMO_PASSWORD);
  await page.goto(`/projects/${project.slug}/comment-periods`);
  await expectAccessible(page);
  await page.getByLabel("Title").fill("Scoping for the proposed mine");
  await page.getByLabel(/^Opens \(America\/Los_Angeles time\)/).fill("2026-11-01T08:00");
  await page.getByLabel(/^Closes \(America\/Los_Angeles time\)/).fill("2027-01-15T23:59");
  await page.getByLabel("Accept anonymous comments").check();
  await page.getByRole("button", { name: "Open the comment period" }).click();
  await expect(page.getByRole("heading", { level: 1, name: /Scoping for the proposed mine/ })).toBeVisible();
  await expect(page.locator("main")).toContainText("Jan 15, 2027, 11:59 PM PST");
  await expect(page.locator("main")).toContainText("America/Los_Angeles");
  await expect(page.locator("main")).toContainText(/days? .*left/);
  await expectAccessible(page);
});

test("a signed-in person comments, gets a receipt on screen and by email, and the comment is public", async ({
  page,
}) => {
  const project = await demoProject("Comment Mine");
  const period = await insertPeriodRow(project.id);
  await signIn(page, "community@lodestone.test", DEMO_PASSWORD);
  await page.goto(`/comment-periods/${period.id}/comment`);
  await expectAccessible(page);
  await page.getByLabel(/As an individual/).check();
  await page
    .getByRole("textbox", { name: "Your comment", exact: true })
    .fill("The springs at the north end of the valley feed the ranch wells; please study drawdown there.");
  await page.getByRole("button", { name: "Send comment" }).click();
  await expect(page.getByRole("heading", { name: "Your comment was received" })).toBeVisible();
  const receipt = (await page.locator("main").innerText()).match(/LDS-[A-Z0-9]{4}-[A-Z0-9]{4}/)?.[0];
  expect(receipt).toBeTruthy();
  await expectAccessible(page);

  const email = await waitForEmail("community@lodestone.test", new RegExp(receipt!));
  expect(email.text).toContain(receipt!);

  await page.goto(`/comment-periods/${period.id}/comments`);
  await expect(page.locator(`[id="${receipt}"]`)).toContainText("drawdown there");
  await expectAccessible(page);
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("an anonymous comment keeps its text through a validation error, and a resubmitted form gives the same receipt", async ({
    page,
  }) => {
    const project = await demoProject("Anonymous Mine");
    const period = await insertPeriodRow(project.id, true);
    await page.goto(`/comment-periods/${period.id}/comment`);
    await page.getByLabel("Anonymously").check();
    const long = "x".repeat(5001);
    await page.getByRole("textbox", { name: "Your comment", exact: true }).fill(long);
    await page.getByRole("button", { name: "Send comment" }).click();
    await expect(page.locator("main")).toContainText(/5,?000/);
    await expect(page.getByRole("textbox", { name: "Your comment", exact: true })).toHaveValue(long);
    await expect(page.getByLabel("Anonymously")).toBeChecked();
    await expectAccessible(page, { javaScriptDisabled: true });

    // A file that is not what its name says is refused, and what was typed comes back.
    const concern = "Anonymous concern about truck traffic on the county road.";
    await page.getByRole("textbox", { name: "Your comment", exact: true }).fill(concern);
    await page
      .getByLabel(/^Attachments/)
      .setInputFiles({ name: "photo.pdf", mimeType: "application/pdf", buffer: Buffer.from("MZ not a pdf at all") });
    await page.getByRole("button", { name: "Send comment" }).click();
    await expect(page.locator("main")).toContainText("photo.pdf");
    await expect(page.getByRole("textbox", { name: "Your comment", exact: true })).toHaveValue(concern);
    await expect(page.getByLabel("Anonymously")).toBeChecked();
    const key = await page.locator("input[name=idempotencyKey]").inputValue();
    await page.getByRole("button", { name: "Send comment" }).click();
    await expect(page.getByRole("heading", { name: "Your comment was received" })).toBeVisible();
    const receipt = (await page.locator("main").innerText()).match(/LDS-[A-Z0-9]{4}-[A-Z0-9]{4}/)?.[0];
    expect(receipt).toBeTruthy();
    expect(await prisma.comment.count({ where: { periodId: period.id, idempotencyKey: key } })).toBe(1);
  });
});

test("a reported comment is moderated and answered; the public log shows why but never the hidden text", async ({
  page,
  browser,
}) => {
  const project = await demoProject("Moderated Mine");
  const period = await insertPeriodRow(project.id);
  const commenter = await prisma.user.findUniqueOrThrow({ where: { email: "ngo@lodestone.test" } });
  const [abusive, fair] = await Promise.all([
    prisma.comment.create({
      data: {
        periodId: period.id,
        receiptNumber: `LDS-AB${Date.now().toString(36).slice(-2).toUpperCase()}-TEST`,
        idempotencyKey: crypto.randomUUID(),
        submitterType: "INDIVIDUAL",
        userId: commenter.id,
        displayName: "Someone",
        text: "An insulting rant with a phone number 555-0100.",
        exactKey: "a".repeat(64),
      },
    }),
    prisma.comment.create({
      data: {
        periodId: period.id,
        receiptNumber: `LDS-CD${Date.now().toString(36).slice(-2).toUpperCase()}-TEST`,
        idempotencyKey: crypto.randomUUID(),
        submitterType: "INDIVIDUAL",
        userId: commenter.id,
        displayName: "Rancher",
        text: "Please analyse the effect on the sage grouse lek near the haul road.",
        exactKey: "b".repeat(64),
      },
    }),
  ]);

  await signIn(page, "community@lodestone.test", DEMO_PASSWORD);
  await page.goto(`/comment-periods/${period.id}/comments`);
  const reported = page.locator(`[id="${abusive.receiptNumber}"]`);
  await reported.getByText("Report this comment").click();
  const report = reported.getByRole("form", { name: `Report comment ${abusive.receiptNumber}` });
  await report.getByLabel("Why").selectOption("PERSONAL_INFORMATION");
  await report.getByRole("button", { name: "Send report" }).click();
  await expect(page.locator("main")).toContainText(/report/i);

  const regulator = await (await browser.newContext()).newPage();
  await signIn(regulator, "regulator@lodestone.test", DEMO_PASSWORD);
  await regulator.goto(`/comment-periods/${period.id}/moderation`);
  await expectAccessible(regulator);
  await regulator.locator(`#pick-${abusive.id}`).check();
  await regulator.getByLabel("Do this to the selected comments").selectOption("HIDE");
  await regulator.getByLabel(/^Reason \(shown in the public log/).fill("Contains a personal phone number.");
  await regulator.getByRole("button", { name: "Apply to selected" }).click();
  await expect(regulator.locator("main")).toContainText(/hidden|Hidden/);

  await regulator.locator(`#answer-${fair.id}`).check();
  await regulator.getByRole("textbox", { name: "Issue" }).fill("Sage grouse");
  await regulator
    .getByLabel("Response (public)")
    .fill("The draft EIS will analyse lek disturbance within 3 miles of the haul road.");
  await regulator.getByRole("button", { name: "Publish the response" }).click();
  await expect(regulator.locator("main")).toContainText(/response/i);

  const visitor = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
  await visitor.goto(`/comment-periods/${period.id}/comments`);
  await expect(visitor.locator("main")).not.toContainText("555-0100");
  await expect(visitor.locator(`[id="${fair.receiptNumber}"]`)).toContainText("lek disturbance within 3 miles");
  await visitor.goto(`/comment-periods/${period.id}/moderation-log`);
  await expect(visitor.locator("main")).toContainText("Contains a personal phone number.");
  await expect(visitor.locator("main")).not.toContainText("555-0100");
  await expectAccessible(visitor, { javaScriptDisabled: true });
  await visitor.goto(`/comment-periods/${period.id}/responses`);
  await expect(visitor.locator("main")).toContainText("Sage grouse");
  await expect(visitor.locator("main")).toContainText(fair.receiptNumber);
  await expectAccessible(visitor, { javaScriptDisabled: true });
});
