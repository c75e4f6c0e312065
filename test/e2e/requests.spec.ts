import { expect, test } from "@playwright/test";
import { prisma } from "~/services/db.server";
import { DEMO_PASSWORD } from "../../prisma/seed/data";
import { expectAccessible, signIn } from "./helpers";
import { demoProject } from "./world";

const PDF = Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");

test.afterAll(async () => {
  await prisma.$disconnect();
});

test("a regulator issues an information request, the company answers with a file, the regulator accepts; the public sees only the fact of it", async ({
  page,
  browser,
}) => {
  const project = await demoProject("RFI Mine", "draft_eis");
  const due = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);

  await signIn(page, "regulator@lodestone.test", DEMO_PASSWORD);
  await page.goto(`/projects/${project.slug}/requests`);
  await expectAccessible(page);
  await page.getByLabel("Title").fill("Groundwater model inputs");
  await page.getByLabel("Public summary").fill("BLM asked for the inputs of the groundwater model.");
  await page
    .getByLabel("Items the company must provide")
    .fill("Pumping test raw data for wells TP-1 to TP-4\nCalibration report");
  await page.getByLabel("Due date").fill(due);
  await page.getByRole("button", { name: "Send the request" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Groundwater model inputs" })).toBeVisible();
  await expect(page.getByText("Its title, summary and due date are now public; the items are not.")).toBeVisible();

  const companyPage = await (await browser.newContext()).newPage();
  await signIn(companyPage, "company@lodestone.test", DEMO_PASSWORD);
  await companyPage.goto("/dashboard");
  await expect(companyPage.getByText("Groundwater model inputs")).toBeVisible();
  await expectAccessible(companyPage);
  await companyPage.getByRole("link", { name: "Groundwater model inputs" }).first().click();
  await expect(companyPage.getByText("Pumping test raw data for wells TP-1 to TP-4")).toBeVisible();
  await expectAccessible(companyPage);
  await companyPage.getByLabel("Your answer").fill("The pumping test data and the calibration report are attached.");
  await companyPage
    .getByLabel("Files (optional)")
    .setInputFiles({ name: "pumping-tests.pdf", mimeType: "application/pdf", buffer: PDF });
  await companyPage.getByRole("button", { name: "Send the answer" }).click();
  await expect(companyPage.getByText("pumping-tests.pdf")).toBeVisible();

  await page.goto("/queue");
  await expect(page.getByText("Groundwater model inputs")).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("link", { name: "Groundwater model inputs" }).first().click();
  await page.getByRole("combobox", { name: "Decision" }).selectOption("ACCEPTED");
  await page.getByRole("button", { name: "Record the decision" }).click();
  await expect(page.getByText("Closed: answer accepted").first()).toBeVisible();

  const visitor = await (await browser.newContext()).newPage();
  await visitor.goto(`/projects/${project.slug}`);
  const requests = visitor.getByRole("region", { name: "Information requests" });
  await expect(requests).toContainText("Groundwater model inputs");
  await expect(requests).toContainText("BLM asked for the inputs of the groundwater model.");
  await expect(visitor.locator("main")).not.toContainText("Pumping test raw data");
  await expect(visitor.getByRole("region", { name: "Review clock" })).toBeVisible();
  await expectAccessible(visitor);
});
