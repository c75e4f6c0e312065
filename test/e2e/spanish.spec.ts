// A Spanish-speaking visitor (browser locale es-US). What is converted so far (decision 0031): the
// layout and the home page read in Spanish, pass axe, and the language switch works without
// JavaScript and keeps the page. Not yet here (not converted): reading a project, subscribing,
// commenting and the emails in Spanish.
import { expect, test } from "@playwright/test";
import { prisma } from "~/services/db.server";
import { expectAccessible } from "./helpers";

// axe over the home page's map takes most of a minute on a loaded two-core machine.
test.setTimeout(180_000);

test.afterAll(async () => {
  await prisma.$disconnect();
});

test.describe("a visitor whose browser asks for Spanish", () => {
  test.use({ locale: "es-US" });

  test("reads the home page in Spanish, with the page's language declared", async ({ page }) => {
    await page.goto("/");
    await expect(page.locator("html")).toHaveAttribute("lang", "es");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(
      "Minas propuestas y en qué punto están sus permisos",
    );
    await expect(page.getByRole("link", { name: "Ir al contenido principal" })).toBeAttached();
    await expect(
      page.getByRole("navigation", { name: "Principal" }).getByRole("link", { name: "Proyectos" }),
    ).toBeVisible();
    await expectAccessible(page);
  });
});

test.describe("the language switch without JavaScript", () => {
  test.use({ locale: "es-US", javaScriptEnabled: false });

  test("switches to English and back, staying on the same page", async ({ page }) => {
    await page.goto("/projects?state=NV");
    await expect(page.locator("html")).toHaveAttribute("lang", "es");
    await page.getByRole("button", { name: "English" }).click();
    await expect(page).toHaveURL(/\/projects\?state=NV$/);
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await expect(page.getByRole("link", { name: "Skip to main content" })).toBeAttached();
    await page.goto("/");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(
      "Proposed mines and where they stand in permitting",
    );
    await expectAccessible(page, { javaScriptDisabled: true });
    await page.getByRole("button", { name: "Español" }).click();
    await expect(page).toHaveURL(/\/$/);
    await expect(page.locator("html")).toHaveAttribute("lang", "es");
    await expectAccessible(page, { javaScriptDisabled: true });
  });
});
