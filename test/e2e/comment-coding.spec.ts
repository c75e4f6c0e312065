// Coding comments by concern and the response to comments (decision 0030), without JavaScript: the
// lead regulator sets up topics, codes a comment and a campaign, writes and publishes two concern
// answers; a commenter follows the trace from their receipt to the answer; the appendix downloads.
import { expect, test, type Page } from "@playwright/test";
import { prisma } from "~/services/db.server";
import { DEMO_PASSWORD } from "../../prisma/seed/data";
import { createCampaignWith, createPublicComment } from "../support/comment-factories";
import { expectAccessible, signIn } from "./helpers";
import { demoProject } from "./world";

test.afterAll(async () => {
  await prisma.$disconnect();
});

const LETTER = "Protect our groundwater. The open pit will drain the aquifer that feeds our wells.";
const ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
const block = () => Array.from({ length: 4 }, () => ALPHABET[Math.floor(Math.random() * ALPHABET.length)]).join("");

async function world() {
  const project = await demoProject("Coding Mine");
  const regulator = await prisma.user.findUniqueOrThrow({ where: { email: "regulator@lodestone.test" } });
  const period = await prisma.commentPeriod.create({
    data: {
      projectId: project.id,
      stage: "noi_scoping",
      title: "Draft EIS comments",
      opensAt: new Date(Date.now() - 40 * 86_400_000),
      closesAt: new Date(Date.now() - 86_400_000),
      timeZone: "America/Los_Angeles",
      openedById: regulator.id,
    },
  });
  const { campaign, members } = await createCampaignWith(period.id, LETTER, {
    identical: 2,
    withAddedText: ["Haul trucks already crowd Main Street every morning."],
  });
  const mine = await createPublicComment(period.id, {
    text: "Blasting noise at night will keep the whole valley awake. Please limit blasting to daytime hours.",
    displayName: "Casey Commenter",
  });
  const receipt = `LDS-${block()}-${block()}`;
  await prisma.comment.update({ where: { id: mine.id }, data: { receiptNumber: receipt, idempotencyKey: receipt } });
  const hidden = await createPublicComment(period.id, {
    text: "Secret hidden noise complaint.",
    displayName: "Hidden Person",
    status: "HIDDEN",
  });
  return {
    period,
    representative: { ...members[0]!, campaignId: campaign.id },
    copyWithText: members[3]!,
    mine: { ...mine, receiptNumber: receipt },
    hidden,
  };
}

async function codeSuggestion(page: Page, topic: string) {
  await page
    .getByRole("button", { name: new RegExp(`^Code as ${topic}`) })
    .first()
    .click({ force: true });
  await expect(page.locator(".flash")).toContainText(`Passage coded ${topic}`);
}

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the regulator codes a comment and a campaign, answers two concerns, and a commenter follows the trace", async ({
    page,
    browser,
  }) => {
    test.setTimeout(300_000);
    const { period, representative, copyWithText, mine } = await world();
    const base = `/comment-periods/${period.id}`;
    await signIn(page, "regulator@lodestone.test", DEMO_PASSWORD);
    await page.goto(base);
    await page.getByRole("link", { name: "Code comments by concern and answer them" }).click();
    await expect(page.getByRole("heading", { level: 1, name: /Code comments on/ })).toBeVisible();
    await expect(page.locator("main")).toContainText("0 of 5 substantive comments coded");
    await expectAccessible(page, { javaScriptDisabled: true });
    await page.getByRole("button", { name: "Add the standard topics" }).click();
    await expect(page.getByRole("rowheader", { name: "Noise" })).toBeVisible();

    // The campaign letter, for every copy: a suggestion from the keyword rules.
    await page.getByRole("link", { name: /campaign letter \(4 copies\)/ }).click({ force: true });
    await expect(page.locator("main")).toContainText("mentions “groundwater”");
    await expectAccessible(page, { javaScriptDisabled: true });
    await codeSuggestion(page, "Water quality and quantity");
    await expect(page.locator("main")).toContainText("(for the whole campaign)");

    // The copy's added text, separately, by quoting it.
    await page.goto(`${base}/coding/${copyWithText.id}`);
    await expect(page.locator("main")).toContainText("coded on the campaign letter");
    await page.getByLabel("Passage (copy it from the comment as written)").fill("this is not in the comment");
    await page.getByLabel("Topic", { exact: true }).selectOption({ label: "Traffic" });
    await page.getByRole("button", { name: "Code the passage" }).click();
    await expect(page.locator("#quote-error")).toContainText("not in this comment's text");
    await page
      .getByLabel("Passage (copy it from the comment as written)")
      .fill("Haul trucks already crowd Main Street");
    await page.getByLabel("Topic", { exact: true }).selectOption({ label: "Traffic" });
    await page.getByRole("button", { name: "Code the passage" }).click();
    await expect(page.locator("main")).toContainText("Traffic: “Haul trucks already crowd Main Street”");

    // The commenter's own comment.
    await page.goto(`${base}/coding/${mine.id}`);
    await codeSuggestion(page, "Noise");
    await page.goto(`${base}/coding`);
    await expect(page.locator("main")).toContainText("5 of 5 substantive comments coded");

    // Two concern statements, drafted then published.
    for (const [topic, statement, answer] of [
      [
        "Water quality and quantity",
        "The pit may drain the aquifer that feeds wells.",
        "Section 3.4 models drawdown; monitoring wells are required.",
      ],
      ["Noise", "Night blasting will disturb residents.", "Blasting is limited to daylight hours under condition 12."],
    ] as const) {
      await page.goto(`${base}/coding`);
      await page.getByLabel("Topic", { exact: true }).selectOption({ label: topic });
      await page.getByLabel("Concern statement (public)").fill(statement);
      await page.getByRole("button", { name: "Start the concern" }).click();
      await expect(page.getByRole("heading", { level: 1, name: `Concern statement: ${topic}` })).toBeVisible();
      await page.getByRole("group", { name: "Passages not in any concern yet" }).getByRole("checkbox").first().check();
      await page.getByRole("button", { name: "Add the selected passages" }).click();
      await page.getByLabel("The agency's answer").fill(answer);
      await page.getByRole("button", { name: "Save the draft" }).click();
      await expectAccessible(page, { javaScriptDisabled: true });
      await page.getByRole("button", { name: "Publish the answer" }).click();
      await expect(page.getByRole("heading", { level: 1, name: /Responses to comments/ })).toBeVisible();
      await expect(page.locator("main")).toContainText(answer);
    }
    await expect(page.locator("main")).toContainText("A form-letter campaign of 4 letters");
    await expect(page.locator("main")).not.toContainText("Hidden Person");
    await expectAccessible(page, { javaScriptDisabled: true });

    // The appendix: printable HTML and CSV.
    await page.goto(`${base}/appendix`);
    await expect(page.getByRole("heading", { level: 1, name: /Response to comments/ })).toBeVisible();
    await expect(page.getByRole("heading", { level: 2, name: "1. Water quality and quantity" })).toBeVisible();
    await expectAccessible(page, { javaScriptDisabled: true });
    await page.emulateMedia({ media: "print" });
    await page.screenshot({ path: "test-results/comment-coding-appendix-print.png", fullPage: true });
    await page.emulateMedia({ media: "screen" });
    const csv = await page.request.get(`${base}/appendix.csv`);
    expect(csv.headers()["content-type"]).toContain("text/csv");
    const body = await csv.text();
    expect(body).toContain("Night blasting will disturb residents.");
    expect(body).toContain("Campaign (4 letters)");
    expect(body).not.toContain("Hidden Person");

    // The commenter, signed out, from their receipt to the answer.
    const visitor = await browser.newContext({ javaScriptEnabled: false });
    const commenter = await visitor.newPage();
    await commenter.goto(`${base}/receipt/${mine.receiptNumber}`);
    await expect(commenter.getByRole("heading", { name: "What the agency said" })).toBeVisible();
    await expect(commenter.locator("main")).toContainText("Noise: “Night blasting will disturb residents.”");
    await expectAccessible(commenter, { javaScriptDisabled: true });
    await commenter.getByRole("link", { name: "Read the agency's answer" }).click();
    await expect(commenter.locator("main")).toContainText("Blasting is limited to daylight hours under condition 12.");
    await commenter.screenshot({ path: "test-results/comment-coding-trace.png", fullPage: true });
    // A copy of the campaign letter sees its answer on the comments page too.
    await commenter.goto(`${base}/comments?campaign=${representative.campaignId}`);
    await expect(commenter.locator("main")).toContainText("through the campaign letter it copies");
    await visitor.close();
  });
});

test("the coding pages pass axe with JavaScript on, and only the lead agency reaches them", async ({ page }) => {
  const { period } = await world();
  const base = `/comment-periods/${period.id}`;
  test.setTimeout(180_000);
  await page.goto(`${base}/coding`);
  await expect(page).toHaveURL(/\/auth\/login/);
  await signIn(page, "regulator@lodestone.test", DEMO_PASSWORD);
  await page.goto(`${base}/coding`);
  await page.getByRole("button", { name: "Add the standard topics" }).click();
  await expect(page.getByRole("rowheader", { name: "Noise" })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("link", { name: /campaign letter \(4 copies\)/ }).click({ force: true });
  await expect(page.getByRole("heading", { name: "Suggested topics" })).toBeVisible();
  await expectAccessible(page);
  await page.screenshot({ path: "test-results/comment-coding-comment.png", fullPage: true });
});
