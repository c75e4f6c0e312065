import { expect, test } from "@playwright/test";
import { DEMO_PASSWORD } from "../../prisma/seed/data";
import { expectAccessible, linkFrom, signIn, uniqueEmail, waitForEmail } from "./helpers";

test("the public home page lists the seeded projects with their current stage", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Proposed mines and where they stand in permitting");
  const thacker = page.getByRole("listitem").filter({ hasText: "Thacker Pass" });
  await expect(thacker).toContainText("Permits issued");
  await expect(page.getByRole("listitem").filter({ hasText: "Silver Peak" })).toContainText(
    "Notice of intent and scoping",
  );
  await expectAccessible(page);
  await thacker.getByRole("link").click();
  await expect(page.getByRole("heading", { name: "Stage history" })).toBeVisible();
  await expectAccessible(page);
});

test("an admin invites a regulator to an agency, and the regulator accepts from the email", async ({
  page,
  browser,
}) => {
  const regulatorEmail = uniqueEmail("regulator");
  await signIn(page, "admin@lodestone.test", DEMO_PASSWORD);
  await page.getByRole("link", { name: "Admin" }).click();
  await expect(page.getByRole("heading", { name: "Administration" })).toBeVisible();
  await expectAccessible(page);

  const agencyName = `Bureau of Land Management, Utah ${Date.now()}`;
  await page.getByLabel("Name", { exact: true }).fill(agencyName);
  await page.getByLabel("Kind").selectOption("AGENCY");
  await page.getByLabel("Level of government").selectOption("FEDERAL");
  await page.getByLabel("Agency time zone").selectOption("America/Denver");
  await page.getByRole("button", { name: "Create organization" }).click();
  await expect(page.getByRole("heading", { name: agencyName })).toBeVisible();
  await expectAccessible(page);

  await page.getByLabel("Email address").fill(regulatorEmail);
  await page.getByRole("button", { name: "Send invitation" }).click();
  await expect(page.getByText(`Invitation sent to ${regulatorEmail}.`)).toBeVisible();
  await expect(page.getByRole("table").last()).toContainText(regulatorEmail);

  const invitation = await waitForEmail(regulatorEmail, /invited you to/);
  const link = linkFrom(invitation, "/invitations/");

  const regulator = await (await browser.newContext()).newPage();
  await regulator.goto(link);
  await expect(regulator.getByText("to accept")).toBeVisible();
  await expectAccessible(regulator);
  await regulator.getByRole("link", { name: "create an account" }).click();
  await expect(regulator.getByLabel("Email address")).toHaveValue(regulatorEmail);
  await regulator.getByLabel("Your name").fill("Rae Regulator");
  await regulator.getByLabel("Password").fill("agency staff password");
  await regulator.getByRole("button", { name: "Create account" }).click();
  // No session until the address is proved: the confirmation link leads back to the invitation.
  const confirmation = await waitForEmail(regulatorEmail, /Confirm your email address/);
  // With JavaScript the page confirms by itself: opening the link is the one step.
  await regulator.goto(linkFrom(confirmation, "/auth/verify"));
  await expect(regulator.getByText("Your email address is confirmed. Please sign in.")).toBeVisible();
  await regulator.getByLabel("Email address").fill(regulatorEmail);
  await regulator.getByLabel("Password").fill("agency staff password");
  await regulator.getByRole("button", { name: "Sign in" }).click();
  await expect(regulator.getByRole("heading", { name: /Join Bureau of Land Management, Utah/ })).toBeVisible();
  await regulator.getByRole("button", { name: /Accept and join/ }).click();
  await expect(regulator.getByText(`You are now a member of ${agencyName}.`)).toBeVisible();
  await expect(regulator.locator(".session")).toContainText("Regulator");
  await expect(regulator.getByRole("table").first()).toContainText("Rae Regulator");
  await expectAccessible(regulator);
});

test("a community member cannot open the admin pages or another organization's members", async ({ page }) => {
  await signIn(page, "community@lodestone.test", DEMO_PASSWORD);
  await expect(page.getByRole("link", { name: "Admin" })).toHaveCount(0);
  const admin = await page.goto("/admin");
  expect(admin?.status()).toBe(403);
  await expect(page.getByRole("heading", { name: "You do not have access to this" })).toBeVisible();
  await expect(page.getByText("Only administrators can open the admin pages.")).toBeVisible();
  await expectAccessible(page);

  const org = await page.goto("/organizations/lithium-nevada-corp");
  expect(org?.status()).toBe(403);
});

test("a visitor who is not signed in is sent to sign in, and comes back after", async ({ page }) => {
  await page.goto("/account");
  await expect(page).toHaveURL(/\/auth\/login\?redirectTo=%2Faccount/);
  await page.getByLabel("Email address").fill("ngo@lodestone.test");
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { name: "Your account" })).toBeVisible();
  await expect(page.locator("main")).toContainText("Sagebrush Watch (demo)");
  await expectAccessible(page);
});

test("an unknown address shows a page a person understands", async ({ page }) => {
  const response = await page.goto("/no/such/page");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
  await expectAccessible(page);
});
