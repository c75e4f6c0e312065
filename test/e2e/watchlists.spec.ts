// The monitoring desk, as the NGO demo account uses it: it lands on its watchlists, builds a
// watchlist from a project search (without JavaScript), sees a slip appear after the regulator
// moves a date, gets the "entered your saved search" alert in the app and by email, downloads the
// CSV, shares the list read-only and revokes the link. Also: the cite box and the record as of a date.
import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import { changeTargetDate } from "~/models/milestone.server";
import { prisma } from "~/services/db.server";
import { todayUtc } from "~/utils/dates";
import { DEMO_PASSWORD } from "../../prisma/seed/data";
import { expectAccessible, signIn, waitForEmail } from "./helpers";

const NGO_EMAIL = "ngo@lodestone.test";

test.afterAll(async () => {
  await prisma.$disconnect();
});

/** A project of the demo regulator's agency, on schedule today: its one milestone is 200 days out. */
async function projectOnSchedule(name: string) {
  const regulator = await prisma.user.findUniqueOrThrow({
    where: { email: "regulator@lodestone.test" },
    select: { id: true, memberships: { select: { organizationId: true } } },
  });
  const company = await prisma.organization.findUniqueOrThrow({ where: { slug: "lithium-nevada-corp" } });
  const inDays = (days: number) => new Date(todayUtc().getTime() + days * 86_400_000);
  const project = await prisma.project.create({
    data: {
      slug: name.toLowerCase().replace(/[^a-z0-9]+/g, "-"),
      name,
      companyId: company.id,
      leadAgencyId: regulator.memberships[0].organizationId,
      commodities: ["copper"],
      state: "UT",
      county: "Beaver",
      landStatus: "BLM",
      description: "A project made by the watchlist end-to-end test.",
      currentStage: "draft_eis",
      milestones: {
        create: { key: "rod", name: "Record of decision", baselineDate: inDays(200), targetDate: inDays(200) },
      },
    },
    include: { milestones: true },
  });
  return { project, milestone: project.milestones[0], regulatorId: regulator.id };
}

test.describe("the NGO's watchlist, without JavaScript", () => {
  test.use({ javaScriptEnabled: false, acceptDownloads: true });

  test("builds a watchlist from a search, sees the slip, is alerted, downloads the CSV and shares it", async ({
    page,
    browser,
  }) => {
    // A long story on a shared machine: sign-in, six pages checked with axe, the worker's round trip.
    test.setTimeout(240_000);
    const name = `Watchtest Ridge ${Date.now().toString(36)}`;
    const { project, milestone, regulatorId } = await projectOnSchedule(name);

    // The NGO account keeps its organization's seeded watchlist, so it lands on its watchlists.
    await signIn(page, NGO_EMAIL, DEMO_PASSWORD);
    await expect(page).toHaveURL(/\/watchlists$/);
    await expect(page.getByRole("heading", { name: "Watchlists", level: 1 })).toBeVisible();
    await expect(page.getByRole("link", { name: "Sagebrush Watch: lithium and the Great Basin" })).toBeVisible();
    await expectAccessible(page, { javaScriptDisabled: true });

    // The seeded watchlist's board.
    await page.getByRole("link", { name: "Sagebrush Watch: lithium and the Great Basin" }).click();
    await expect(page.getByRole("table", { name: /Projects on Sagebrush Watch/ })).toBeVisible();
    await expect(page.getByRole("rowheader", { name: /Thacker Pass/ })).toBeVisible();
    await expectAccessible(page, { javaScriptDisabled: true });

    // A search for delayed projects with this name: nothing matches yet.
    await page.goto(`/projects?q=${encodeURIComponent(name)}&schedule=delayed`);
    await expect(page.getByText("No project matches.")).toBeVisible();
    await page.getByRole("link", { name: "Save this search to a watchlist" }).click();
    await expect(page.getByRole("heading", { name: "Save this search to a watchlist", level: 1 })).toBeVisible();
    await expectAccessible(page, { javaScriptDisabled: true });
    await page.getByLabel("Name of the search").fill("Delayed test projects");
    await page.getByRole("combobox", { name: /^Watchlist/ }).selectOption("new");
    await page.getByLabel("Name of the new watchlist").fill(`My slips ${name}`);
    await page.getByLabel("New watchlist kept by").selectOption("me");
    await page.getByRole("button", { name: "Save search" }).click();
    await expect(page.getByText(/Search “Delayed test projects” saved .*0 projects match it now/)).toBeVisible();
    await expect(page.getByRole("heading", { name: `My slips ${name}`, level: 1 })).toBeVisible();
    await expect(page.getByText("Nothing on this watchlist yet.")).toBeVisible();
    const watchlistUrl = page.url();

    // The regulator moves the record of decision 90 days later: the project is now delayed.
    await changeTargetDate(
      {
        projectId: project.id,
        milestoneId: milestone.id,
        newDate: new Date(milestone.targetDate!.getTime() + 90 * 86_400_000),
        reason: "ADDITIONAL_ANALYSIS",
        narrative: "More groundwater modelling is needed.",
      },
      { actorId: regulatorId, requestId: null },
    );

    // The board picks it up through the saved search, with the slip and the change.
    const row = page.getByRole("row", { name: new RegExp(name) });
    await expect
      .poll(
        async () => {
          await page.goto(watchlistUrl);
          return row.count();
        },
        { timeout: 20_000 },
      )
      .toBe(1);
    await expect(row.getByText("Delayed", { exact: true })).toBeVisible();
    await expect(row.getByText("Record of decision: +90 days from baseline")).toBeVisible();
    await expect(row.getByText(/Record of decision moved from .* to /)).toBeVisible();
    await expect(row.getByText("Search: Delayed test projects")).toBeVisible();
    await expectAccessible(page, { javaScriptDisabled: true });

    // The alert: in the app and by email (the worker evaluated the search after the change).
    const email = await waitForEmail(NGO_EMAIL, new RegExp(`${name} entered your saved search`));
    expect(email.text).toContain("Delayed test projects");
    await page.goto("/notifications");
    await expect(
      page.getByRole("link", { name: `${name} entered your saved search “Delayed test projects”` }),
    ).toBeVisible();

    // The CSV.
    await page.goto(watchlistUrl);
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: "Download as CSV" }).click(),
    ]);
    const csv = await readFile((await download.path())!, "utf8");
    const [header, ...lines] = csv
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\r\n");
    expect(header).toContain("project,url,state,lead_agency,stage,status,schedule_status");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(name);
    expect(lines[0]).toContain("Delayed");
    expect(lines[0]).toContain("+90 days");

    // Shared read-only by link, for someone signed out; then revoked.
    await page.getByRole("button", { name: "Make a read-only link" }).click();
    const shareUrl = await page.getByLabel("Read-only link").inputValue();
    expect(shareUrl).toMatch(/\/watchlists\/shared\/[A-Za-z0-9_-]{43}$/);
    const visitor = await browser.newContext({ javaScriptEnabled: false });
    const anonymous = await visitor.newPage();
    await anonymous.goto(shareUrl);
    await expect(anonymous.getByRole("heading", { name: `My slips ${name}`, level: 1 })).toBeVisible();
    await expect(anonymous.getByRole("row", { name: new RegExp(name) })).toBeVisible();
    await expect(anonymous.getByRole("button", { name: /Remove/ })).toHaveCount(0);
    await expect(anonymous.getByText("Demo NGO Analyst")).toHaveCount(0);
    await expectAccessible(anonymous, { javaScriptDisabled: true });
    await page.getByRole("button", { name: /Stop sharing/ }).click();
    await expect(page.getByText("The sharing link no longer works.")).toBeVisible();
    const gone = await anonymous.goto(shareUrl);
    expect(gone?.status()).toBe(404);
    await visitor.close();
  });
});

test.describe("citing the record", () => {
  test.use({ javaScriptEnabled: false });

  test("a project page offers a cite box and the record as of a past date, with a banner and a way back", async ({
    page,
  }) => {
    test.setTimeout(180_000);
    await page.goto("/projects/thacker-pass");
    await page.getByText("Cite this project").click();
    const citation = await page.getByLabel("Citation (plain text, select it to copy)").first().inputValue();
    expect(citation).toContain("“Thacker Pass Lithium Project.”");
    expect(citation).toMatch(/\/projects\/thacker-pass \(accessed \d{4}-\d{2}-\d{2}\)\.$/);
    await expectAccessible(page, { javaScriptDisabled: true });

    await page.getByLabel("See the record as of").fill("2021-06-01");
    await page.getByRole("button", { name: "Show" }).click();
    await expect(page).toHaveURL(/\/projects\/thacker-pass\/as-of\/2021-06-01$/);
    await expect(page.getByRole("note", { name: "Past view" })).toContainText("It is not the current record.");
    await expect(page.getByRole("heading", { name: "What this view cannot rebuild" })).toBeVisible();
    await expectAccessible(page, { javaScriptDisabled: true });
    await page.getByRole("link", { name: /See today’s record of Thacker Pass/ }).click();
    await expect(page).toHaveURL(/\/projects\/thacker-pass$/);

    const bad = await page.goto("/projects/thacker-pass?as_of=2021-02-30");
    expect(bad?.status()).toBe(400);
  });
});
