import { expect, test } from "@playwright/test";
import { expectAccessible, linkFrom, signIn, uniqueEmail, waitForEmail } from "./helpers";

test("a person signs up, confirms the email from the recorded message, signs in, out and back in", async ({ page }) => {
  const email = uniqueEmail("signup");
  await page.goto("/auth/signup");
  await expectAccessible(page);
  await page.getByLabel("Your name").fill("Rosa Parks-Lee");
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Password").fill("sagebrush and basalt");
  await page.getByRole("button", { name: "Create account" }).click();

  await expect(page.getByRole("heading", { name: "Confirm your email address" })).toBeVisible();
  // The same answer as for an address that already has an account: no session yet, check your email.
  await expect(page.getByText(`we sent an email to ${email}`).first()).toBeVisible();
  await expectAccessible(page);

  const message = await waitForEmail(email, /Confirm your email address/);
  expect(message.text).toContain("Confirm my email address");
  // With JavaScript the page confirms by itself: opening the link is the one step.
  await page.goto(linkFrom(message, "/auth/verify"));
  await expect(page.getByText("Your email address is confirmed. Please sign in.")).toBeVisible();
  await signIn(page, email, "sagebrush and basalt");
  await expect(page.getByText("Please confirm your email address")).toHaveCount(0);

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByText("You are signed out.")).toBeVisible();
  await signIn(page, email, "sagebrush and basalt");
  await expect(page.locator(".session")).toContainText("Rosa Parks-Lee");
});

test("signing up with an address that has an account looks the same, and its owner is told by email", async ({
  page,
}) => {
  await page.goto("/auth/signup");
  await page.getByLabel("Your name").fill("Someone Else");
  await page.getByLabel("Email address").fill("community@lodestone.test");
  await page.getByLabel("Password").fill("an attacker's guess");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("heading", { name: "Confirm your email address" })).toBeVisible();
  await expect(page.getByText("we sent an email to community@lodestone.test").first()).toBeVisible();
  await expect(page.getByText("already")).toHaveCount(0);

  const message = await waitForEmail("community@lodestone.test", /Someone tried to create a Lodestone account/);
  expect(message.text).toContain("If it was you, sign in with your password");
  expect(linkFrom(message, "/auth/forgot")).toContain("/auth/forgot");
});

test("a wrong password gets a clear message and keeps the email typed", async ({ page }) => {
  await page.goto("/auth/login");
  await page.getByLabel("Email address").fill("community@lodestone.test");
  await page.getByLabel("Password").fill("not the password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("alert")).toHaveText("The email or password is not right.");
  await expect(page.getByLabel("Email address")).toHaveValue("community@lodestone.test");
  await expectAccessible(page);
});

test("a forgotten password is reset through the emailed link, and the old one stops working", async ({ page }) => {
  const email = uniqueEmail("reset");
  await page.goto("/auth/signup");
  await page.getByLabel("Your name").fill("Jo Reset");
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Password").fill("the first password");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("heading", { name: "Confirm your email address" })).toBeVisible();

  await page.goto("/auth/forgot");
  await expectAccessible(page);
  await page.getByLabel("Email address").fill(email);
  await page.getByRole("button", { name: "Send reset link" }).click();
  await expect(page.getByText(`If ${email} has a Lodestone account, a reset link is on its way.`)).toBeVisible();

  const message = await waitForEmail(email, /Reset your Lodestone password/);
  await page.goto(linkFrom(message, "/auth/reset"));
  await expectAccessible(page);
  await page.getByLabel("New password", { exact: true }).fill("the second password");
  await page.getByLabel("New password again").fill("the second password");
  await page.getByRole("button", { name: "Save new password" }).click();
  await expect(page.getByText("Your password is changed. Sign in with the new one.")).toBeVisible();

  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Password").fill("the first password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("alert")).toHaveText("The email or password is not right.");
  await signIn(page, email, "the second password");
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("sign-up shows the server's field errors, keeps what was typed, and focuses the first invalid field", async ({
    page,
  }) => {
    await page.goto("/auth/signup");
    await page.getByLabel("Your name").fill("No Script");
    await page.getByLabel("Email address").fill("not-an-email");
    await page.getByLabel("Password").fill("short");
    await page.getByRole("button", { name: "Create account" }).click();

    const emailField = page.getByLabel("Email address");
    await expect(emailField).toHaveValue("not-an-email");
    await expect(emailField).toHaveAttribute("aria-invalid", "true");
    await expect(emailField).toBeFocused();
    await expect(page.getByText("Enter an email address like name@example.org.")).toBeVisible();
    await expect(page.getByText("Use at least 10 characters.")).toBeVisible();
    await expect(page.getByLabel("Your name")).toHaveValue("No Script");
    // The error is tied to its field for screen readers.
    const describedBy = await emailField.getAttribute("aria-describedby");
    expect(await page.locator(`#${describedBy?.split(" ").pop()?.replace(/:/g, "\\:")}`).innerText()).toContain(
      "Enter an email address",
    );
    await expectAccessible(page, { javaScriptDisabled: true });

    await emailField.fill(uniqueEmail("nojs"));
    await page.getByLabel("Password").fill("long enough without js");
    // Without JavaScript nobody guesses the zone: the person chooses it.
    await page.getByLabel("Your time zone").selectOption("America/Boise");
    await page.getByRole("button", { name: "Create account" }).click();
    await expect(page.getByRole("heading", { name: "Confirm your email address" })).toBeVisible();
  });
});

test("a form post from another site is refused (CSRF)", async ({ request }) => {
  const response = await request.post("/auth/login", {
    headers: { Origin: "https://evil.example.com" },
    form: { email: "admin@lodestone.test", password: "x" },
  });
  expect(response.status()).toBe(403);
  expect(await response.text()).toContain("another site");
});
