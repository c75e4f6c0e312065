// The schedule slips table at a desktop width: eleven columns keep to the page's box (no sideways
// scrolling inside it); on a phone the same table is a stack of cards (phone.spec.ts).
import { expect, test } from "@playwright/test";

test.use({ javaScriptEnabled: false, viewport: { width: 1280, height: 900 } });

test("the slips table keeps to its box at 1280 px", async ({ page }) => {
  await page.goto("/schedule?include_training=true&kind=baselined");
  const [scroll, client] = await page.locator(".table-wrap").evaluate((w) => [w.scrollWidth, w.clientWidth]);
  expect(scroll).toBeLessThanOrEqual(client);
});
