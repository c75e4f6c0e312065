import type { ProjectStatus, ReviewTrack } from "@prisma/client";
import { beforeAll, describe, expect, it } from "vitest";
import {
  SCHEDULE_ORDER,
  projectFilterOptions,
  searchProjects,
  type ProjectListItem,
} from "~/models/project-search.server";
import { projectScheduleStatus, type MilestoneDates, type ScheduleStatus } from "~/models/schedule";
import { stagePosition } from "~/models/workflow";
import { DEFAULT_PROJECT_QUERY, parseProjectQuery, type ProjectQuery } from "~/schemas/project-search";
import { prisma } from "~/services/db.server";
import { createOrganization } from "../support/factories";

// A fixed today, so every schedule situation below is judged the same on every run.
// The last day of a month, so month-precise targets sit right on the missed/at-risk edge.
const TODAY = day("2026-06-30");

function day(iso: string): Date {
  return new Date(`${iso}T00:00:00.000Z`);
}
function fromToday(days: number): Date {
  return new Date(TODAY.getTime() + days * 86_400_000);
}

type Scenario = { expected: ScheduleStatus; status?: ProjectStatus; milestones: Partial<MilestoneDates>[] };

// One project per situation, each named by what it guards.
const SCENARIOS: Scenario[] = [
  { expected: "on_track", milestones: [] },
  {
    expected: "complete",
    status: "APPROVED",
    milestones: [{ actualDate: day("2025-01-10"), targetDate: day("2025-01-01") }, { actualDate: day("2026-02-01") }],
  },
  // An open review whose recorded milestones are all done is not late, and not complete either.
  {
    expected: "on_track",
    milestones: [{ actualDate: day("2025-01-10"), targetDate: day("2025-01-01") }, { actualDate: day("2026-02-01") }],
  },
  { expected: "on_track", milestones: [{ baselineDate: fromToday(200), targetDate: fromToday(200) }] },
  { expected: "on_track", milestones: [{ baselineDate: fromToday(-100) }] },
  { expected: "missed", milestones: [{ targetDate: fromToday(-1) }] },
  { expected: "at_risk", milestones: [{ targetDate: TODAY }] },
  { expected: "at_risk", milestones: [{ targetDate: fromToday(30), baselineDate: fromToday(-10) }] },
  { expected: "on_track", milestones: [{ targetDate: fromToday(31), baselineDate: fromToday(31) }] },
  { expected: "delayed", milestones: [{ targetDate: fromToday(31), baselineDate: fromToday(20) }] },
  // A month-precise target counts to the end of its month: June 2026 is not missed on June 30.
  { expected: "at_risk", milestones: [{ targetDate: day("2026-06-01"), datePrecision: "MONTH" }] },
  { expected: "missed", milestones: [{ targetDate: day("2026-05-01"), datePrecision: "MONTH" }] },
  { expected: "missed", milestones: [{ targetDate: day("2025-12-01"), datePrecision: "MONTH" }] },
  {
    expected: "on_track",
    milestones: [{ targetDate: day("2026-10-20"), baselineDate: day("2026-10-01"), datePrecision: "MONTH" }],
  },
  {
    expected: "delayed",
    milestones: [{ targetDate: day("2026-11-01"), baselineDate: day("2026-10-01"), datePrecision: "MONTH" }],
  },
  {
    expected: "on_track",
    milestones: [{ targetDate: day("2026-03-01"), baselineDate: day("2026-01-01"), datePrecision: "YEAR" }],
  },
  { expected: "missed", milestones: [{ targetDate: day("2025-01-01"), datePrecision: "YEAR" }] },
  {
    expected: "delayed",
    milestones: [{ targetDate: day("2027-01-01"), baselineDate: day("2026-01-01"), datePrecision: "YEAR" }],
  },
  {
    expected: "complete",
    status: "WITHDRAWN",
    milestones: [{ targetDate: fromToday(-100), actualDate: fromToday(-90) }],
  },
  {
    expected: "missed",
    milestones: [
      { actualDate: fromToday(-300) },
      { targetDate: fromToday(100), baselineDate: fromToday(50) },
      { targetDate: fromToday(-5) },
    ],
  },
  {
    expected: "delayed",
    milestones: [{ targetDate: fromToday(90) }, { targetDate: fromToday(120), baselineDate: fromToday(60) }],
  },
  {
    expected: "at_risk",
    milestones: [{ targetDate: fromToday(200), baselineDate: fromToday(100) }, { targetDate: fromToday(5) }],
  },
  { expected: "paused", status: "PAUSED", milestones: [{ targetDate: fromToday(-50) }] },
  { expected: "paused", status: "PAUSED", milestones: [{ actualDate: fromToday(-50) }] },
  {
    expected: "complete",
    status: "APPROVED",
    milestones: [{ actualDate: fromToday(-20), targetDate: fromToday(-30) }],
  },
  { expected: "missed", status: "WITHDRAWN", milestones: [{ targetDate: fromToday(-400), datePrecision: "YEAR" }] },
  { expected: "on_track", status: "DENIED", milestones: [{ targetDate: fromToday(400) }] },
  { expected: "on_track", milestones: [{ targetDate: fromToday(60), baselineDate: fromToday(60) }] },
  { expected: "delayed", milestones: [{ targetDate: fromToday(365), baselineDate: fromToday(300) }] },
  { expected: "missed", milestones: [{ targetDate: fromToday(-2), baselineDate: fromToday(-2) }] },
];

const NAMES = [
  "Alder Ridge",
  "basalt Flat",
  "Cedar Wash",
  "Dune Spring",
  "Elk Butte",
  "Fossil Hill",
  "Granite Gap",
  "Hollow Creek",
  "Iron Mesa",
  "Juniper Draw",
  "Kettle Rock",
  "Lone Pine",
  "Marble Canyon",
  "Nettle Bench",
  "Obsidian Ridge",
  "Pinyon Flat",
  "Quartz Hill",
  "Red Mountain",
  "Sage Basin",
  "Timber Gulch",
  "Umber Point",
  "Vista Peak",
  "Willow Bend",
  "Xeric Plain",
  "Yucca Valley",
  "Zinc Hollow",
  "Amber Falls",
  "Bluebird Pass",
  "Coyote Wells",
  "Desert Star",
];
const STATES = ["NV", "AZ", "ID", "MN"];
const COMMODITIES = [["lithium"], ["gold", "antimony"], ["copper", "molybdenum"], ["lithium", "boron"], ["nickel"]];
const STAGES: { track: ReviewTrack; stage: string }[] = [
  { track: "EIS", stage: "noi_scoping" },
  { track: "EIS", stage: "draft_eis" },
  { track: "EA", stage: "scoping" },
  { track: "EIS", stage: "record_of_decision" },
  { track: "EA", stage: "permits_issued" },
  { track: "EIS", stage: "pre_application" },
];

type Fixture = {
  slug: string;
  name: string;
  state: string;
  commodities: string[];
  company: string;
  agencySlug: string | null;
  status: ProjectStatus;
  track: ReviewTrack;
  stage: string;
  expected: ScheduleStatus;
  updatedAt: Date;
};
const fixtures: Fixture[] = [];

beforeAll(async () => {
  const companies = await Promise.all(
    ["Lithium Americas Test Corp", "Perpetua Test Resources", "Copper Range Test Mining"].map((name) =>
      createOrganization("COMPANY", name),
    ),
  );
  const agencies = await Promise.all(
    ["Bureau of Land Management Test Office", "Forest Service Test District"].map((name) =>
      createOrganization("AGENCY", name),
    ),
  );
  // An agency that leads nothing must not be offered as a filter.
  await createOrganization("AGENCY", "Idle Test Agency");
  for (const [i, scenario] of SCENARIOS.entries()) {
    const company = companies[i % companies.length];
    const agency = i % 7 === 6 ? null : agencies[i % agencies.length];
    const { track, stage } = STAGES[i % STAGES.length];
    const fixture: Fixture = {
      slug: `search-test-${i}`,
      name: NAMES[i],
      state: STATES[i % STATES.length],
      commodities: COMMODITIES[i % COMMODITIES.length],
      company: company.name,
      agencySlug: agency?.slug ?? null,
      status: scenario.status ?? "IN_PROGRESS",
      track,
      stage,
      expected: scenario.expected,
      updatedAt: new Date(TODAY.getTime() - ((i * 7) % SCENARIOS.length) * 3_600_000),
    };
    fixtures.push(fixture);
    await prisma.project.create({
      data: {
        slug: fixture.slug,
        name: fixture.name,
        companyId: company.id,
        leadAgencyId: agency?.id ?? null,
        commodities: fixture.commodities,
        state: fixture.state,
        county: "Test",
        landStatus: "BLM",
        description: "A project made by the project search tests.",
        reviewTrack: track,
        currentStage: stage,
        status: fixture.status,
        updatedAt: fixture.updatedAt,
        milestones: {
          create: scenario.milestones.map((m, n) => ({ key: `m${n}`, name: `Milestone ${n}`, sortOrder: n, ...m })),
        },
      },
    });
  }
});

const query = (changes: Partial<ProjectQuery> = {}): ProjectQuery => ({
  ...DEFAULT_PROJECT_QUERY,
  pageSize: 100,
  ...changes,
});
const slugs = (projects: ProjectListItem[]) => projects.map((p) => p.slug).sort();
const expectSlugs = (filter: (f: Fixture) => boolean) =>
  fixtures
    .filter(filter)
    .map((f) => f.slug)
    .sort();
const byName = (a: string, b: string) => (a.toLowerCase() < b.toLowerCase() ? -1 : 1);

describe("schedule status in SQL", () => {
  it("equals projectScheduleStatus for every project, and the situation each project was made for", async () => {
    const { projects } = await searchProjects(query(), TODAY);
    const records = await prisma.project.findMany({
      select: {
        slug: true,
        status: true,
        milestones: { select: { baselineDate: true, targetDate: true, actualDate: true, datePrecision: true } },
      },
    });
    expect(projects).toHaveLength(SCENARIOS.length);
    for (const record of records) {
      const listed = projects.find((p) => p.slug === record.slug);
      const fixture = fixtures.find((f) => f.slug === record.slug);
      const expected = projectScheduleStatus(record.milestones, { today: TODAY, projectStatus: record.status });
      expect({ slug: record.slug, schedule: listed?.schedule }).toEqual({ slug: record.slug, schedule: expected });
      expect({ slug: record.slug, schedule: expected }).toEqual({ slug: record.slug, schedule: fixture?.expected });
      expect(listed?.milestoneCount).toBe(record.milestones.length);
    }
  });

  it("agrees with projectScheduleStatus on other days too, month and year ends included", async () => {
    const records = await prisma.project.findMany({
      select: {
        slug: true,
        status: true,
        milestones: { select: { baselineDate: true, targetDate: true, actualDate: true, datePrecision: true } },
      },
    });
    for (const iso of ["2025-06-15", "2026-07-01", "2026-07-31", "2026-12-01", "2026-12-31", "2027-01-01"]) {
      const today = day(iso);
      const { projects } = await searchProjects(query(), today);
      const fromSql = Object.fromEntries(projects.map((p) => [p.slug, p.schedule]));
      const fromRules = Object.fromEntries(
        records.map((r) => [r.slug, projectScheduleStatus(r.milestones, { today, projectStatus: r.status })]),
      );
      expect({ today: iso, statuses: fromSql }).toEqual({ today: iso, statuses: fromRules });
    }
  });

  it("filters on each schedule status", async () => {
    for (const schedule of SCHEDULE_ORDER) {
      const result = await searchProjects(query({ schedule }), TODAY);
      expect(slugs(result.projects)).toEqual(expectSlugs((f) => f.expected === schedule));
      expect(result.total).toBe(result.projects.length);
    }
  });
});

describe("filters", () => {
  it("narrow by state, commodity, stage, status and lead agency, alone and together", async () => {
    const agency = fixtures.find((f) => f.agencySlug)!.agencySlug!;
    const cases: [Partial<ProjectQuery>, (f: Fixture) => boolean][] = [
      [{ state: "NV" }, (f) => f.state === "NV"],
      [{ commodity: "lithium" }, (f) => f.commodities.includes("lithium")],
      [{ stage: "draft_eis" }, (f) => f.stage === "draft_eis"],
      [{ stage: "permits_issued" }, (f) => f.stage === "permits_issued"],
      [{ status: "PAUSED" }, (f) => f.status === "PAUSED"],
      [{ leadAgency: agency }, (f) => f.agencySlug === agency],
      [{ state: "NV", commodity: "lithium" }, (f) => f.state === "NV" && f.commodities.includes("lithium")],
      [{ leadAgency: agency, schedule: "missed" }, (f) => f.agencySlug === agency && f.expected === "missed"],
    ];
    for (const [changes, filter] of cases) {
      const result = await searchProjects(query(changes), TODAY);
      expect({ changes, slugs: slugs(result.projects) }).toEqual({ changes, slugs: expectSlugs(filter) });
      expect(result.total).toBe(result.projects.length);
    }
  });

  it("answers an unknown commodity or agency with no projects rather than an error", async () => {
    expect((await searchProjects(query({ commodity: "unobtainium" }), TODAY)).total).toBe(0);
    expect((await searchProjects(query({ leadAgency: "no-such-agency" }), TODAY)).total).toBe(0);
  });
});

describe("search", () => {
  it("matches name, company and commodity, ignoring case", async () => {
    const search = async (q: string) => slugs((await searchProjects(query({ q }), TODAY)).projects);
    expect(await search("BASALT")).toEqual(expectSlugs((f) => f.name === "basalt Flat"));
    expect(await search("perpetua")).toEqual(expectSlugs((f) => f.company.startsWith("Perpetua")));
    expect(await search("Antimony")).toEqual(expectSlugs((f) => f.commodities.includes("antimony")));
    // "Lithium" is both a company's name and a commodity.
    expect(await search("lithium")).toEqual(
      expectSlugs((f) => f.commodities.includes("lithium") || f.company.startsWith("Lithium")),
    );
    // Every word must match somewhere.
    expect(await search("perpetua  gold")).toEqual(
      expectSlugs((f) => f.company.startsWith("Perpetua") && f.commodities.includes("gold")),
    );
  });

  it("takes LIKE wildcards and quotes literally", async () => {
    for (const q of ["%", "_", "\\", '\'; drop table "Project"; --']) {
      expect((await searchProjects(query({ q }), TODAY)).total).toBe(0);
    }
    expect(await prisma.project.count()).toBe(SCENARIOS.length);
  });
});

describe("sorting and pages", () => {
  it("sorts by name either way, case-insensitively", async () => {
    const names = fixtures.map((f) => f.name).sort(byName);
    expect((await searchProjects(query(), TODAY)).projects.map((p) => p.name)).toEqual(names);
    expect((await searchProjects(query({ dir: "desc" }), TODAY)).projects.map((p) => p.name)).toEqual(
      [...names].reverse(),
    );
  });

  it("sorts by last update, stage progress and schedule", async () => {
    const updated = await searchProjects(query({ sort: "updated", dir: "desc" }), TODAY);
    expect(updated.projects.map((p) => p.slug)).toEqual(
      [...fixtures].sort((a, b) => b.updatedAt.getTime() - a.updatedAt.getTime()).map((f) => f.slug),
    );

    const progress = (p: ProjectListItem) => stagePosition(p.reviewTrack, p.currentStage).index / p.stagePosition.of;
    const staged = (await searchProjects(query({ sort: "stage", dir: "desc" }), TODAY)).projects;
    for (let i = 1; i < staged.length; i++) expect(progress(staged[i - 1])).toBeGreaterThanOrEqual(progress(staged[i]));

    const scheduled = (await searchProjects(query({ sort: "schedule", dir: "desc" }), TODAY)).projects;
    const rank = (p: ProjectListItem) => SCHEDULE_ORDER.indexOf(p.schedule);
    expect(scheduled[0].schedule).toBe("missed");
    for (let i = 1; i < scheduled.length; i++) {
      const [a, b] = [scheduled[i - 1], scheduled[i]];
      expect(rank(a)).toBeGreaterThanOrEqual(rank(b));
      if (rank(a) === rank(b)) expect(byName(a.name, b.name)).toBe(-1);
    }
  });

  it("pages through every match once, with totals, and answers a page past the end with the last one", async () => {
    const seen: string[] = [];
    for (let page = 1; page <= 3; page++) {
      const result = await searchProjects(query({ pageSize: 12, page }), TODAY);
      expect(result).toMatchObject({ total: SCENARIOS.length, page, pageSize: 12, pageCount: 3 });
      seen.push(...result.projects.map((p) => p.slug));
    }
    expect(seen.sort()).toEqual(expectSlugs(() => true));

    const beyond = await searchProjects(query({ pageSize: 12, page: 40 }), TODAY);
    expect(beyond).toMatchObject({ page: 3, pageCount: 3, total: SCENARIOS.length });
    expect(beyond.projects).toHaveLength(6);

    const none = await searchProjects(query({ q: "nothing matches this", page: 5 }), TODAY);
    expect(none).toMatchObject({ projects: [], total: 0, page: 1, pageCount: 1 });
  });
});

describe("the URL query", () => {
  it("uses the defaults for a plain /projects", () => {
    expect(parseProjectQuery(new URLSearchParams())).toEqual({
      q: "",
      sort: "name",
      dir: "asc",
      page: 1,
      pageSize: 25,
    });
  });

  it("falls back field by field on stale or garbage values, and the page still loads", async () => {
    const parsed = parseProjectQuery(
      new URLSearchParams(
        "q=%20%20Lithium%20&state=ZZ&commodity=&stage=old_stage&status=LOST&leadAgency=Not%20A%20Slug" +
          "&schedule=late&sort=random()&dir=sideways&page=-4&pageSize=5000",
      ),
    );
    expect(parsed).toEqual({ q: "Lithium", sort: "name", dir: "asc", page: 1, pageSize: 100 });
    expect(parseProjectQuery(new URLSearchParams("state=nv&page=2.5&pageSize=0&sort=updated"))).toEqual({
      q: "",
      state: "NV",
      sort: "updated",
      dir: "desc",
      page: 1,
      pageSize: 25,
    });
    const result = await searchProjects(parsed, TODAY);
    expect(result.total).toBeGreaterThan(0);
  });
});

describe("filter options", () => {
  it("offers only the states, commodities, stages and lead agencies some project has", async () => {
    const options = await projectFilterOptions();
    expect(options.states).toEqual([...new Set(fixtures.map((f) => f.state))].sort());
    expect(options.commodities).toEqual([...new Set(fixtures.flatMap((f) => f.commodities))].sort());
    expect(options.leadAgencies.map((a) => a.name)).toEqual([
      "Bureau of Land Management Test Office",
      "Forest Service Test District",
    ]);
    // The EIS track in order, with EA-only stages before permits issued, which both tracks end with.
    expect(options.stages).toEqual([
      { key: "pre_application", label: "Pre-application" },
      { key: "noi_scoping", label: "Notice of intent and scoping" },
      { key: "draft_eis", label: "Draft EIS" },
      { key: "record_of_decision", label: "Record of decision" },
      { key: "scoping", label: "Scoping" },
      { key: "permits_issued", label: "Permits issued" },
    ]);
  });
});
