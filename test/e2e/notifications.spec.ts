import { createHmac } from "node:crypto";
import { expect, test } from "@playwright/test";
import { prisma } from "~/services/db.server";
import { APP_URL } from "../../playwright.config";
import { DEMO_PASSWORD } from "../../prisma/seed/data";
import { createUser, TEST_PASSWORD } from "../support/factories";
import { expectAccessible, signIn, uniqueEmail } from "./helpers";

// Community members made fresh for each test (no organization): their settings and notifications
// start from nothing, whatever other specs do with the demo accounts.
async function communityMember() {
  return createUser({ email: uniqueEmail("community"), name: "Casey Community" });
}

/** A link token as the app signs it (email-tokens.server.ts), with the e2e server's SESSION_SECRET. */
function signedToken(payload: Record<string, string>) {
  const body = Buffer.from(JSON.stringify(payload)).toString("base64url");
  const signature = createHmac("sha256", "e2e-session-secret-0123456789")
    .update(`lodestone-email-token:${body}`)
    .digest("base64url");
  return `${body}.${signature}`;
}

test.afterAll(async () => {
  await prisma.$disconnect();
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("a community member changes how often they get an email and their time zone, and both are kept", async ({
    page,
  }) => {
    const member = await communityMember();
    await signIn(page, member.email, TEST_PASSWORD);
    await page.goto("/account");
    await page.getByRole("link", { name: /Choose which emails you get/ }).click();
    await expect(page.getByRole("heading", { name: "Notification settings", level: 1 })).toBeVisible();
    await expect(page.getByText("You do not follow any project yet.")).toBeVisible();
    await expectAccessible(page, { javaScriptDisabled: true });

    const stageChanged = page.getByRole("group", { name: "Stage changed" });
    await expect(stageChanged.getByLabel("Immediately")).toBeChecked();
    await stageChanged.getByLabel("Weekly digest").check();
    await page.getByRole("group", { name: "Response to my comment" }).getByLabel("Off (no email)").check();
    await page.getByLabel("Time zone").selectOption("Europe/Paris");
    await page.getByRole("button", { name: "Save settings" }).click();
    await expect(page.getByText("Your notification settings are saved.")).toBeVisible();

    await page.reload();
    await expect(stageChanged.getByLabel("Weekly digest")).toBeChecked();
    await expect(
      page.getByRole("group", { name: "Response to my comment" }).getByLabel("Off (no email)"),
    ).toBeChecked();
    await expect(page.getByRole("group", { name: "Milestone date changed" }).getByLabel("Daily digest")).toBeChecked();
    await expect(page.getByLabel("Time zone")).toHaveValue("Europe/Paris");
  });

  test("a time zone that is not in the list is refused next to the field, and nothing is saved", async ({ page }) => {
    const member = await communityMember();
    await signIn(page, member.email, TEST_PASSWORD);
    // What a tampered form would send: every frequency valid, the zone made up.
    const form: Record<string, string> = {
      STAGE_CHANGED: "DAILY",
      MILESTONE_DATE_CHANGED: "DAILY",
      COMMENT_PERIOD_OPENED: "IMMEDIATE",
      COMMENT_PERIOD_CLOSING_7D: "IMMEDIATE",
      COMMENT_PERIOD_CLOSING_24H: "IMMEDIATE",
      COMMENT_PERIOD_EXTENDED: "IMMEDIATE",
      COMMENT_PERIOD_CLOSED: "IMMEDIATE",
      COMMENT_RESPONSE: "IMMEDIATE",
      INFORMATION_REQUEST: "IMMEDIATE",
      REVIEW_ASSIGNED: "IMMEDIATE",
      COMMENT_AUTO_HIDDEN: "IMMEDIATE",
      timeZone: "Mars/Olympus_Mons",
    };
    const response = await page.request.post("/account/notifications", { form, headers: { Origin: APP_URL } });
    expect(response.status()).toBe(400);
    expect(await response.text()).toContain("Choose a time zone from the list.");
    const stored = await prisma.user.findUniqueOrThrow({ where: { id: member.id }, select: { timeZone: true } });
    expect(stored.timeZone).toBe("America/Denver");
    expect(await prisma.notificationPreference.count({ where: { userId: member.id } })).toBe(0);
  });

  test("a visitor asks for email about a project; a mistyped address is kept with its error", async ({ page }) => {
    await page.goto("/projects/thacker-pass");
    const panel = page.getByRole("region", { name: "Get email updates about this project" });
    await panel.getByLabel("Email address").fill("not-an-address");
    await panel.getByRole("button", { name: "Get email updates" }).click();
    await expect(page.getByText("Enter an email address like name@example.org.")).toBeVisible();
    await expect(page.getByLabel("Email address")).toHaveValue("not-an-address");
    await expect(page.getByLabel("Email address")).toBeFocused();
    await expectAccessible(page, { javaScriptDisabled: true });

    await page.getByLabel("Email address").fill(uniqueEmail("visitor"));
    await page.getByRole("button", { name: "Get email updates" }).click();
    await expect(page).toHaveURL(/\/projects\/thacker-pass$/);
    await expect(
      page.getByText("Check your inbox: we sent a link to confirm. Nothing is sent until you confirm."),
    ).toBeVisible();
  });
});

test("a community member follows a project from its page, finds it in the settings, then unfollows it", async ({
  page,
}) => {
  const member = await communityMember();
  await signIn(page, member.email, TEST_PASSWORD);
  await page.goto("/projects/thacker-pass");
  const panel = page.getByRole("region", { name: "Follow this project" });
  await panel.getByRole("button", { name: "Follow", exact: true }).click();
  await expect(page.getByText("You follow Thacker Pass Lithium Project.")).toBeVisible();
  await expect(panel).toContainText("Following.");
  await expect(panel).toContainText("Email about this project: on");
  await expectAccessible(page);

  await panel.getByRole("button", { name: "Turn email off" }).click();
  await expect(page.getByText("You will get no email about Thacker Pass Lithium Project.")).toBeVisible();
  await expect(panel).toContainText("Email about this project: off");

  await page.goto("/account/notifications");
  const row = page.getByRole("row", { name: /Thacker Pass Lithium Project/ });
  await expect(row).toContainText("You chose to follow it");
  await expect(row).toContainText("Off");
  await expectAccessible(page);
  await row.getByRole("button", { name: "Unfollow Thacker Pass Lithium Project" }).click();
  await expect(page.getByText("You no longer follow Thacker Pass Lithium Project.")).toBeVisible();
  await expect(page.getByText("You do not follow any project yet.")).toBeVisible();

  await page.goto("/projects/thacker-pass");
  await expect(panel.getByRole("button", { name: "Follow", exact: true })).toBeVisible();
});

test("with no notifications yet, the page says how to get some", async ({ page }) => {
  const member = await communityMember();
  await signIn(page, member.email, TEST_PASSWORD);
  await page.getByRole("link", { name: "Notifications", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Notifications", level: 1 })).toBeVisible();
  await expect(page.getByText("No notifications yet.")).toBeVisible();
  await expect(page.getByRole("link", { name: "Find a project to follow" })).toHaveAttribute("href", "/projects");
  await expectAccessible(page);
});

test("an unread notification is counted in the header, and opening it marks it read and goes to its page", async ({
  page,
}) => {
  const member = await communityMember();
  const project = await prisma.project.findUniqueOrThrow({ where: { slug: "thacker-pass" } });
  await prisma.notification.create({
    data: {
      userId: member.id,
      projectId: project.id,
      eventId: `e2e-${member.id}`,
      type: "STAGE_CHANGED",
      title: "Thacker Pass Lithium Project moved to Permits issued",
      detail: "The lead agency recorded the change.",
      url: "/projects/thacker-pass",
      frequency: "IMMEDIATE",
    },
  });
  await signIn(page, member.email, TEST_PASSWORD);
  await page.getByRole("link", { name: "Notifications, 1 unread" }).click();
  const item = page.getByRole("listitem").filter({ hasText: "moved to Permits issued" });
  await expect(item).toContainText("Unread");
  await expect(item.locator("time")).toHaveAttribute("datetime", /^\d{4}-\d{2}-\d{2}T/);
  await expectAccessible(page);

  await item.getByRole("link", { name: "Thacker Pass Lithium Project moved to Permits issued" }).click();
  await expect(page).toHaveURL(/\/projects\/thacker-pass$/);
  await expect(page.getByRole("link", { name: "Notifications", exact: true })).toBeVisible();

  await page.goto("/notifications?unread=1");
  await expect(page.getByText("You have read everything.")).toBeVisible();

  await page.goto("/notifications");
  await item.getByRole("button", { name: "Mark as unread" }).click();
  await expect(page.getByText("Marked as unread.")).toBeVisible();
  await expect(page.getByRole("link", { name: "Notifications, 1 unread" })).toBeVisible();
  await page.getByRole("button", { name: "Mark all as read" }).click();
  await expect(page.getByText("1 notification marked as read.")).toBeVisible();
  await expect(item).not.toContainText("Unread");
});

test("an unsubscribe link with a forged token is refused with a clear page and changes nothing", async ({ page }) => {
  const forged = `${Buffer.from(JSON.stringify({ k: "type", u: "someone", t: "STAGE_CHANGED" })).toString("base64url")}.forged`;
  const response = await page.goto(`/unsubscribe?token=${forged}`);
  expect(response?.status()).toBe(400);
  await expect(page.getByRole("heading", { name: "This unsubscribe link is not valid" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Unsubscribe" })).toHaveCount(0);
  await expectAccessible(page);
});

test("a mail provider's one-click unsubscribe POST works without cookies or Origin (RFC 8058)", async ({
  playwright,
}) => {
  const member = await communityMember();
  const token = signedToken({ k: "type", u: member.id, t: "COMMENT_RESPONSE" });
  const provider = await playwright.request.newContext({ baseURL: APP_URL });
  try {
    const forged = await provider.post(`/unsubscribe?token=${token.split(".")[0]}.forged`, {
      form: { "List-Unsubscribe": "One-Click" },
    });
    expect(forged.status()).toBe(400);

    const response = await provider.post(`/unsubscribe?token=${encodeURIComponent(token)}`, {
      form: { "List-Unsubscribe": "One-Click" },
    });
    expect(response.status()).toBe(200);
    expect(await response.text()).toContain("you will no longer receive");
    const preference = await prisma.notificationPreference.findUnique({
      where: { userId_type: { userId: member.id, type: "COMMENT_RESPONSE" } },
    });
    expect(preference?.frequency).toBe("OFF");

    // Any other path still needs the Origin check.
    expect((await provider.post("/notifications", { form: { intent: "readAll" } })).status()).toBe(403);
  } finally {
    await provider.dispose();
  }
});

test("a person opens an unsubscribe link: the page only asks, and the button stops that email", async ({ page }) => {
  const member = await communityMember();
  await page.goto(
    `/unsubscribe?token=${encodeURIComponent(signedToken({ k: "type", u: member.id, t: "COMMENT_RESPONSE" }))}`,
  );
  await expect(page.getByText("Stop emails for “Response to my comment”?")).toBeVisible();
  expect(await prisma.notificationPreference.count({ where: { userId: member.id } })).toBe(0);
  await expectAccessible(page);

  await page.getByRole("button", { name: "Unsubscribe" }).click();
  await expect(page.getByText("Done: you will no longer receive emails for “Response to my comment”.")).toBeVisible();
  await expect(page.getByRole("link", { name: "notification settings" })).toHaveAttribute(
    "href",
    "/account/notifications",
  );
  const preference = await prisma.notificationPreference.findUniqueOrThrow({
    where: { userId_type: { userId: member.id, type: "COMMENT_RESPONSE" } },
  });
  expect(preference.frequency).toBe("OFF");
});

test("a visitor confirms email updates from the confirmation link", async ({ page }) => {
  const project = await prisma.project.findUniqueOrThrow({ where: { slug: "thacker-pass" } });
  const email = uniqueEmail("reader");
  const subscription = await prisma.emailSubscription.create({ data: { projectId: project.id, email } });
  await page.goto(
    `/subscriptions/confirm?token=${encodeURIComponent(signedToken({ k: "confirm", s: subscription.id }))}`,
  );
  await expect(page.getByText(`Confirm email updates about Thacker Pass Lithium Project for ${email}?`)).toBeVisible();
  await expectAccessible(page);
  expect((await prisma.emailSubscription.findUniqueOrThrow({ where: { id: subscription.id } })).confirmedAt).toBeNull();

  await page.getByRole("button", { name: "Confirm email updates" }).click();
  await expect(page.getByRole("heading", { name: "Email updates confirmed" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Thacker Pass Lithium Project" })).toHaveAttribute(
    "href",
    "/projects/thacker-pass",
  );
  const confirmed = await prisma.emailSubscription.findUniqueOrThrow({ where: { id: subscription.id } });
  expect(confirmed.confirmedAt).not.toBeNull();

  // An unsubscribe token is no confirmation token.
  const wrongKind = await page.goto(
    `/subscriptions/confirm?token=${encodeURIComponent(signedToken({ k: "sub", s: subscription.id }))}`,
  );
  expect(wrongKind?.status()).toBe(400);
  await expect(page.getByRole("heading", { name: "This confirmation link is not valid" })).toBeVisible();
});

test("an admin sees the emails that could not be delivered", async ({ page }) => {
  const address = uniqueEmail("bounced");
  await prisma.emailDelivery.create({
    data: {
      idempotencyKey: `e2e-failed-${address}`,
      batchKey: `e2e-batch-${address}`,
      template: "stage-changed",
      toEmail: address,
      status: "FAILED",
      attempts: 1,
      lastError: "422 invalid_to_address",
      failedAt: new Date(),
    },
  });
  await signIn(page, "admin@lodestone.test", DEMO_PASSWORD);
  await page.goto("/admin");
  await page.getByRole("link", { name: "Undeliverable emails" }).click();
  await expect(page.getByRole("heading", { name: "Undeliverable emails", level: 1 })).toBeVisible();
  const row = page.getByRole("row", { name: new RegExp(address) });
  await expect(row).toContainText("422 invalid_to_address");
  await expect(row).toContainText("No account");
  await expectAccessible(page);
});

test("people who are not administrators cannot see undeliverable emails", async ({ page }) => {
  const member = await communityMember();
  await signIn(page, member.email, TEST_PASSWORD);
  const response = await page.goto("/admin/email-failures");
  expect(response?.status()).toBe(403);
});
