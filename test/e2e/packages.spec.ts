import { expect, test, type Page } from "@playwright/test";
import { prisma } from "~/services/db.server";
import { DEMO_PASSWORD } from "../../prisma/seed/data";
import { addMember, createOrganization, createUser, TEST_PASSWORD } from "../support/factories";
import { expectAccessible, signIn } from "./helpers";
import { demoProject } from "./world";

const PDF = Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");

async function startPackage(page: Page, slug: string, title: string) {
  await page.goto(`/projects/${slug}/packages`);
  await page.getByLabel("What it is").selectOption("PLAN_OF_OPERATIONS");
  await page.getByLabel("Title").fill(title);
  await page.getByRole("button", { name: "Create draft" }).click();
  await expect(page.getByRole("heading", { name: title })).toBeVisible();
}

test.afterAll(async () => {
  await prisma.$disconnect();
});

test("a company submits a package with files, the regulator finds it deficient, the company resubmits", async ({
  page,
  browser,
}) => {
  const project = await demoProject("Package Mine", "plan_submitted");
  await signIn(page, "company@lodestone.test", DEMO_PASSWORD);
  await startPackage(page, project.slug, "Plan of operations");
  await expectAccessible(page);

  await page.getByLabel("Documents", { exact: true }).setInputFiles([
    { name: "plan-of-operations.pdf", mimeType: "application/pdf", buffer: PDF },
    { name: "water-baseline.csv", mimeType: "text/csv", buffer: Buffer.from("well,depth_m\nTP-1,120\n") },
  ]);
  await page.getByRole("button", { name: "Upload" }).click();
  await expect(page.getByText("2 documents added.")).toBeVisible();
  await expect(page.getByRole("link", { name: "plan-of-operations.pdf" })).toBeVisible();

  // A file that is not what its name says is refused, and nothing is kept.
  await page.getByLabel("Documents", { exact: true }).setInputFiles({
    name: "report.pdf",
    mimeType: "application/pdf",
    buffer: Buffer.from("<html><script>alert(1)</script>"),
  });
  await page.getByRole("button", { name: "Upload" }).click();
  await expect(page.getByRole("alert")).toContainText("report.pdf");
  expect(await prisma.document.count({ where: { projectId: project.id } })).toBe(2);

  await page.getByRole("button", { name: "Submit to the lead agency" }).click();
  await expect(page.getByText("Version 1 is submitted to the lead agency")).toBeVisible();

  const regulator = await (await browser.newContext()).newPage();
  await signIn(regulator, "regulator@lodestone.test", DEMO_PASSWORD);
  await regulator.goto(page.url());
  await expectAccessible(regulator);
  await regulator.getByLabel("Determination", { exact: true }).selectOption("DEFICIENT");
  await regulator
    .getByLabel("Deficient items (one per line)")
    .fill("Water balance model is missing\nReclamation cost estimate is missing");
  await regulator.getByRole("button", { name: "Record determination" }).click();
  await expect(regulator.getByText("The deficiency notice is recorded")).toBeVisible();

  await page.reload();
  const notice = page.getByRole("region", { name: "Deficiency notice on version 1" });
  await expect(notice).toContainText("Water balance model is missing");
  await page
    .getByLabel("Documents", { exact: true })
    .setInputFiles({ name: "water-balance.pdf", mimeType: "application/pdf", buffer: PDF });
  await page.getByRole("button", { name: "Upload" }).click();
  await expect(page.getByText("1 document added.")).toBeVisible();
  await page.getByRole("button", { name: "Submit to the lead agency" }).click();
  await expect(page.getByText("Version 2 is submitted")).toBeVisible();
  const versions = page.getByRole("region", { name: "Submitted versions" });
  await expect(versions.getByRole("article")).toHaveCount(2);
  await expect(versions.getByRole("article").first()).toContainText("water-balance.pdf");
  await expect(versions.getByRole("article").last()).not.toContainText("water-balance.pdf");
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("a package is created, its file uploaded and the package submitted", async ({ page }) => {
    const project = await demoProject("Package Mine", "plan_submitted");
    await signIn(page, "company@lodestone.test", DEMO_PASSWORD);
    await startPackage(page, project.slug, "Baseline studies without script");
    await page
      .getByLabel("Documents", { exact: true })
      .setInputFiles({ name: "baseline.pdf", mimeType: "application/pdf", buffer: PDF });
    await page.getByLabel("Who may read them").selectOption("PUBLIC");
    await page.getByRole("button", { name: "Upload" }).click();
    await expect(page.getByText("1 document added.")).toBeVisible();
    await page.getByRole("button", { name: "Submit to the lead agency" }).click();
    await expect(page.getByText("Version 1 is submitted")).toBeVisible();
    await expectAccessible(page, { javaScriptDisabled: true });
  });
});

test("a confidential document is refused to a regulator of an unrelated agency and to the public", async ({
  page,
  request,
}) => {
  const project = await demoProject("Package Mine", "plan_submitted");
  const uploader = await prisma.user.findUniqueOrThrow({ where: { email: "company@lodestone.test" } });
  const document = await prisma.document.create({
    data: {
      projectId: project.id,
      storageKey: `e2e/${project.id}/secret`,
      originalName: "assay-results.pdf",
      contentType: "application/pdf",
      sizeBytes: PDF.length,
      sha256: "0".repeat(64),
      visibility: "CONFIDENTIAL",
      uploadedById: uploader.id,
    },
  });
  const anonymous = await request.get(`/documents/${document.id}`);
  expect(anonymous.status()).toBe(401);

  const agency = await createOrganization("AGENCY", `Unrelated Agency ${Date.now()}`);
  const outsider = await createUser({ email: `outsider-${Date.now()}@example.org` });
  await addMember(outsider.id, agency.id);
  await signIn(page, outsider.email, TEST_PASSWORD);
  const refused = await page.goto(`/documents/${document.id}`);
  expect(refused?.status()).toBe(403);
  await expect(page.getByText("This document is confidential business information")).toBeVisible();
});
