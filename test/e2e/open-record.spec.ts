import { expect, test } from "@playwright/test";
import { prisma } from "~/services/db.server";
import { DEMO_PASSWORD } from "../../prisma/seed/data";
import { expectAccessible, signIn } from "./helpers";

test.afterAll(async () => {
  await prisma.$disconnect();
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });
  // Each test runs axe twice over pages with a map of every project: slow on a shared machine.
  test.slow();

  test("the home page maps the projects, each marker a named link, with a legend", async ({ page }) => {
    await page.goto("/");
    const map = page.getByRole("figure");
    await expect(map.getByRole("group", { name: "Map of the proposed mines in the record" })).toBeVisible();
    const marker = map.getByRole("link", { name: "Thacker Pass Lithium Project: Approved" });
    await expect(marker).toHaveAttribute("href", "/projects/thacker-pass");
    await expect(map.getByRole("list", { name: "Map legend" })).toContainText("Approved");
    await expect(page.getByRole("link", { name: "Atom feed for the whole record" })).toHaveAttribute(
      "href",
      "/feed.atom",
    );
    await expectAccessible(page, { javaScriptDisabled: true });
    await marker.focus();
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/\/projects\/thacker-pass$/);
  });

  test("a search shows its feed, calendar and data links, and its map holds only the matches", async ({
    page,
    request,
  }) => {
    await page.goto("/projects?state=AZ&sort=updated");
    const feed = page.getByRole("link", { name: "Atom feed for this search" });
    await expect(feed).toHaveAttribute("href", "/projects/feed.atom?state=AZ");
    await expect(page.getByRole("link", { name: "Add to calendar for this search" })).toHaveAttribute(
      "href",
      "/projects/calendar.ics?state=AZ",
    );
    await expect(page.getByRole("link", { name: "Download data for this search" })).toHaveAttribute(
      "href",
      "/open-data",
    );
    await expect(page.locator('head link[rel="alternate"][href="/projects/feed.atom?state=AZ"]')).toHaveCount(1);
    const map = page.getByRole("figure");
    await expect(map.getByRole("link", { name: /^Hermosa Critical Minerals Project/ })).toBeVisible();
    await expect(map.getByRole("link", { name: /^Thacker Pass/ })).toHaveCount(0);
    await expectAccessible(page, { javaScriptDisabled: true });

    const answer = await request.get("/projects/feed.atom?state=AZ");
    expect(answer.status()).toBe(200);
    expect(answer.headers()["content-type"]).toBe("application/atom+xml; charset=utf-8");
    expect(await answer.text()).toContain("Hermosa");
  });

  test("a project page offers email, feed, calendar and data where its news is", async ({ page, request }) => {
    await page.goto("/projects/thacker-pass");
    await expect(page.locator('head link[rel="alternate"][href="/projects/thacker-pass/feed.atom"]')).toHaveCount(1);
    const links = page.getByRole("list", { name: "Follow Thacker Pass Lithium Project and get its data" });
    await expect(links.getByRole("link", { name: /^Follow by email/ })).toHaveAttribute("href", "#follow-title");
    await expect(links.getByRole("link", { name: /^Download data/ })).toHaveAttribute(
      "href",
      "/api/v1/projects/thacker-pass/ceq",
    );
    await expectAccessible(page, { javaScriptDisabled: true });
    const calendar = await request.get("/projects/thacker-pass/calendar.ics");
    expect(calendar.status()).toBe(200);
    expect(await calendar.text()).toContain("BEGIN:VCALENDAR");
  });
});

test("a signed-in person makes, uses and revokes a private calendar address of the projects they follow", async ({
  page,
  request,
}) => {
  await signIn(page, "ngo@lodestone.test", DEMO_PASSWORD);
  await page.goto("/account");
  await page.getByRole("link", { name: /Your private calendar/ }).click();
  await expect(page.getByRole("heading", { name: "Your private calendar" })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("button", { name: "Make my calendar address" }).click();
  const address = page.getByLabel(/Calendar address/);
  await expect(address).toHaveValue(/\/calendars\/[A-Za-z0-9_-]{43}\/following\.ics$/);
  const url = new URL(await address.inputValue());
  await expectAccessible(page);

  const calendar = await request.get(url.pathname);
  expect(calendar.status()).toBe(200);
  const body = await calendar.text();
  expect(body).toContain("Juniper Flat Lithium");
  expect(body).not.toContain("ngo@lodestone.test");

  await page.getByRole("button", { name: "Revoke this address" }).click();
  await expect(page.getByRole("heading", { name: "No address yet" })).toBeVisible();
  expect((await request.get(url.pathname)).status()).toBe(404);
});
