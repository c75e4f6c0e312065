import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";
import { MAIL_URL } from "../../playwright.config";

/**
 * Fails on any WCAG 2.1 A/AA violation axe finds on the page as it is now. Axe runs as a
 * script, so a page shown with JavaScript off is checked as a copy of its HTML served at the
 * same address in a JavaScript-enabled page (styles load from the real server).
 */
export async function expectAccessible(page: Page, options: { javaScriptDisabled?: boolean } = {}) {
  if (options.javaScriptDisabled) {
    const html = await page.content();
    const url = page.url();
    const context = await page.context().browser()!.newContext({ javaScriptEnabled: true });
    const copy = await context.newPage();
    await copy.route(url, (route) => route.fulfill({ body: html, contentType: "text/html" }));
    await copy.goto(url);
    await copy.evaluate(() => document.querySelectorAll("script").forEach((s) => s.remove()));
    try {
      return await expectAccessible(copy);
    } finally {
      await context.close();
    }
  }
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const summary = results.violations.map(
    (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`,
  );
  expect(summary, `axe violations on ${page.url()}`).toEqual([]);
}

type RecordedEmail = { to: string | string[]; subject: string; html: string; text: string };

/** Waits for an email to the address whose subject matches, from the recording Resend stand-in. */
export async function waitForEmail(to: string, subject: RegExp): Promise<RecordedEmail> {
  let found: RecordedEmail | undefined;
  await expect
    .poll(
      async () => {
        const emails = (await (await fetch(`${MAIL_URL}/__emails`)).json()) as RecordedEmail[];
        found = emails.reverse().find((e) => [e.to].flat().includes(to) && subject.test(e.subject));
        return Boolean(found);
      },
      { message: `email to ${to} matching ${subject}`, timeout: 15_000 },
    )
    .toBe(true);
  return found as RecordedEmail;
}

export function linkFrom(email: RecordedEmail, path: string): string {
  const match = email.html.match(new RegExp(`href="(https?://[^"]*${path}[^"]*)"`));
  if (!match) throw new Error(`No link to ${path} in "${email.subject}"`);
  return match[1].replace(/&amp;/g, "&");
}

export async function signIn(page: Page, email: string, password: string) {
  await page.goto("/auth/login");
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
}

export const uniqueEmail = (prefix: string) =>
  `${prefix}-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}@example.org`;
