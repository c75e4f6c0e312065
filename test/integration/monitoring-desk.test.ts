// The monitoring desk against a real database: the statutory clock read from the record, the
// overdue rule at each precision as /schedule computes it in SQL, the agency statistics on a
// seeded set with known answers, and the alerts raised once each and delivered to followers.
import type { DatePrecision, StatutoryRole } from "@prisma/client";
import type { AppLoadContext } from "@remix-run/node";
import { beforeAll, describe, expect, it } from "vitest";
import { loadTrackRecords, loadTrackRecordsWithOverall } from "~/models/agency-stats.server";
import { loader as agenciesCsv } from "~/routes/agencies[.]csv";
import { loader as scheduleCsv } from "~/routes/schedule[.]csv";
import { raiseMonitoringAlerts } from "~/models/notifications/monitoring-alerts.server";
import { daysOverdue } from "~/models/schedule";
import { listSlips, allSlips } from "~/models/slips.server";
import { changeTargetDate } from "~/models/milestone.server";
import { listRecordEntries } from "~/models/public-record.server";
import { loadStatutoryClocks, recordStatutoryExtension } from "~/models/statutory-clock.server";
import { parseSlipQuery } from "~/schemas/schedule";
import { prisma } from "~/services/db.server";
import { dispatchEvent } from "~/models/notifications/dispatch.server";
import { addMember, createOrganization, insertProjectRow, createUser } from "../support/factories";

const d = (iso: string) => new Date(`${iso}T00:00:00.000Z`);
const TODAY = d("2026-06-30");
const audit = { actorId: null, requestId: null };

let companyId: string;
let agencyA: { id: string; slug: string };
let agencyB: { id: string; slug: string };

async function milestone(
  projectId: string,
  key: string,
  fields: {
    baseline?: string;
    target?: string;
    actual?: string;
    precision?: DatePrecision;
    role?: StatutoryRole;
    moves?: { from: string; to: string; reason?: "SPONSOR_FACTORS" | "ADDITIONAL_ANALYSIS" }[];
  },
) {
  return prisma.milestone.create({
    data: {
      projectId,
      key,
      name: key,
      baselineDate: fields.baseline ? d(fields.baseline) : null,
      targetDate: fields.target ? d(fields.target) : null,
      actualDate: fields.actual ? d(fields.actual) : null,
      datePrecision: fields.precision ?? "DAY",
      statutoryRole: fields.role ?? null,
      dateChanges: {
        create: (fields.moves ?? []).map((m, i) => ({
          previousDate: d(m.from),
          newDate: d(m.to),
          reason: m.reason ?? "ADDITIONAL_ANALYSIS",
          narrative: `move ${i}`,
          changedAt: new Date(Date.UTC(2025, 0, 1 + i)),
        })),
      },
    },
  });
}

beforeAll(async () => {
  companyId = (await createOrganization("COMPANY")).id;
  agencyA = await createOrganization("AGENCY", "Desk Agency A");
  agencyB = await createOrganization("AGENCY", "Desk Agency B");
});

describe("statutory clock from the record", () => {
  it("reads start, decision, extension and pause as the rules table says", async () => {
    const running = await insertProjectRow({ companyId, leadAgencyId: agencyA.id, name: "Clock Running" });
    await milestone(running.id, "noi", { target: "2025-02-28", actual: "2025-02-28", role: "NOTICE_OF_INTENT" });
    await milestone(running.id, "det", { target: "2025-01-15", actual: "2025-01-15", role: "DETERMINATION" });
    await prisma.projectPause.create({
      data: {
        projectId: running.id,
        reason: "SPONSOR_FACTORS",
        summary: "paused",
        startedAt: d("2025-06-01"),
        liftedAt: d("2025-06-11"),
      },
    });
    const reference = await insertProjectRow({
      companyId,
      leadAgencyId: agencyA.id,
      name: "Clock Reference",
      track: "EA",
    });
    await milestone(reference.id, "noi", {
      target: "2022-03-01",
      actual: "2022-03-01",
      precision: "MONTH",
      role: "NOTICE_OF_INTENT",
    });
    await milestone(reference.id, "rod", { target: "2023-02-01", actual: "2023-02-10", role: "DECISION" });

    const clocks = await loadStatutoryClocks(TODAY, { id: { in: [running.id, reference.id] } });
    const byName = Object.fromEntries(clocks.map((c) => [c.project.name, c.clock]));
    const r = byName["Clock Running"];
    expect(r.state).toBe("running");
    if (r.state === "not_started") throw new Error("unreachable");
    expect(r.start.role).toBe("DETERMINATION");
    expect(r.deadline.toISOString().slice(0, 10)).toBe("2027-01-15");
    expect(r.pausedDays).toBe(10);
    expect(r.basis).toBe("statutory");

    const ref = byName["Clock Reference"];
    if (ref.state === "not_started") throw new Error("unreachable");
    expect(ref.basis).toBe("reference");
    expect(ref.deadlinePrecision).toBe("MONTH");
    expect(ref.state).toBe("met"); // Feb 10, 2023 is before the earliest reading of "Mar 2023"

    await expect(
      recordStatutoryExtension(
        running.id,
        { newDeadline: d("2027-01-10"), reason: "earlier", sourceUrl: null },
        audit,
        TODAY,
      ),
    ).rejects.toThrow("later than the deadline now in force");
    await recordStatutoryExtension(
      running.id,
      {
        newDeadline: d("2027-06-30"),
        reason: "Consultation with the applicant on a new water source",
        sourceUrl: null,
      },
      audit,
      TODAY,
    );
    const [after] = await loadStatutoryClocks(TODAY, { id: running.id });
    if (after.clock.state === "not_started") throw new Error("unreachable");
    expect(after.clock.deadline.toISOString().slice(0, 10)).toBe("2027-06-30");
    expect(after.clock.extensions.map((x) => x.reason)).toEqual([
      "Consultation with the applicant on a new water source",
    ]);
  });
});

describe("overdue at each precision on /schedule", () => {
  it("lists overdue milestones exactly when isOverdue does, with the same day count", async () => {
    const p = await insertProjectRow({ companyId, leadAgencyId: agencyB.id, name: "Overdue Precision" });
    // Today is Jun 30, 2026, the last day of the month.
    await milestone(p.id, "day-yesterday", { target: "2026-06-29" }); // overdue 1 day
    await milestone(p.id, "day-today", { target: "2026-06-30" }); // not yet
    await milestone(p.id, "month-this", { target: "2026-06-01", precision: "MONTH" }); // not before the month ends
    await milestone(p.id, "month-last", { target: "2026-05-01", precision: "MONTH" }); // ended May 31: 30 days
    await milestone(p.id, "year-this", { target: "2026-01-01", precision: "YEAR" }); // not before Dec 31
    await milestone(p.id, "year-last", { target: "2025-01-01", precision: "YEAR" }); // ended Dec 31, 2025: 181 days
    await milestone(p.id, "done", { target: "2026-01-01", actual: "2026-03-01" });

    const query = parseSlipQuery(new URLSearchParams({ kind: "overdue", q: "Overdue Precision" }));
    const { rows, total } = await listSlips(query, TODAY);
    const days = Object.fromEntries(rows.map((r) => [r.milestoneName, r.overdueDays]));
    expect(days).toEqual({ "day-yesterday": 1, "month-last": 30, "year-last": 181 });
    expect(total).toBe(3);
    const all = await prisma.milestone.findMany({ where: { projectId: p.id } });
    for (const m of all) {
      expect(days[m.name] ?? null, m.name).toBe(daysOverdue(m, TODAY));
    }
  });

  it("counts slips and moves, attributes the reasons, and exports the same rows", async () => {
    const p = await insertProjectRow({ companyId, leadAgencyId: agencyB.id, name: "Slip Moves" });
    await milestone(p.id, "moved", {
      baseline: "2026-01-10",
      target: "2026-09-10",
      moves: [
        { from: "2026-01-10", to: "2026-05-10", reason: "SPONSOR_FACTORS" },
        { from: "2026-05-10", to: "2026-09-10", reason: "ADDITIONAL_ANALYSIS" },
      ],
    });
    await milestone(p.id, "steady", { baseline: "2026-09-01", target: "2026-09-01" });
    const query = parseSlipQuery(new URLSearchParams({ q: "Slip Moves" }));
    const { rows } = await listSlips(query, TODAY);
    expect(rows.map((r) => [r.milestoneName, r.slipDays, r.moves, [...r.reasons].sort()])).toEqual([
      ["moved", 243, 2, ["ADDITIONAL_ANALYSIS", "SPONSOR_FACTORS"]],
    ]);
    const exported = [];
    for await (const row of allSlips(query, TODAY)) exported.push(row.milestoneName);
    expect(exported).toEqual(["moved"]);
  });
});

describe("agency statistics on a seeded set with known answers", () => {
  it("gives median and IQR where n allows, lists the cases where it does not", async () => {
    const stats = await createOrganization("AGENCY", "Stats Agency Five");
    const few = await createOrganization("AGENCY", "Stats Agency Two");
    // Five reviews: NOI Jan 1, 2020, decisions 100, 200, 300, 400 and 500 days later.
    for (const [i, days] of [100, 200, 300, 400, 500].entries()) {
      const p = await insertProjectRow({ companyId, leadAgencyId: stats.id, name: `Five ${i}`, status: "APPROVED" });
      await milestone(p.id, "noi", { target: "2020-01-01", actual: "2020-01-01", role: "NOTICE_OF_INTENT" });
      const decided = new Date(d("2020-01-01").getTime() + days * 86_400_000).toISOString().slice(0, 10);
      // Met on its first target for the first three; the last two slipped 10 days past a moved target.
      await milestone(p.id, "rod", {
        baseline: i < 3 ? decided : "2020-01-05",
        target: decided,
        actual: decided,
        role: "DECISION",
        moves: i < 3 ? [] : [{ from: "2020-01-05", to: decided }],
      });
    }
    for (const [i, days] of [365, 730].entries()) {
      const p = await insertProjectRow({ companyId, leadAgencyId: few.id, name: `Two ${i}`, status: "APPROVED" });
      await milestone(p.id, "noi", { target: "2020-01-01", actual: "2020-01-01", role: "NOTICE_OF_INTENT" });
      const decided = new Date(d("2020-01-01").getTime() + days * 86_400_000).toISOString().slice(0, 10);
      await milestone(p.id, "rod", { target: decided, actual: decided, role: "DECISION" });
    }
    const [five] = await loadTrackRecords(TODAY, "agency", stats.slug);
    expect(five.projects).toHaveLength(5);
    expect(five.noiToDecision).toMatchObject({ n: 5, median: 300, q1: 200, q3: 400, min: 100, max: 500 });
    // The notices of intent have no baseline and never moved: no first target to judge them by.
    expect(five.firstTarget).toEqual({ met: 3, of: 5 });
    // Slips: 0, 0, 0, then 400-4 and 500-4 days past Jan 5 (decided day 400 = Feb 4, 2021; day 500 = May 15, 2021).
    expect(five.slip.n).toBe(5);
    expect(five.slip.mean).toBeCloseTo((396 + 496) / 5, 5);

    const [two] = await loadTrackRecords(TODAY, "agency", few.slug);
    expect(two.noiToDecision).toMatchObject({ n: 2, median: null, q1: null, q3: null, min: 365, max: 730 });
    expect(two.noiToDecision.items.map((x) => x.days)).toEqual([365, 730]);
  });
});

describe("monitoring alerts", () => {
  it("raises each alert once and delivers it to the project's followers", async () => {
    const follower = await createUser({ name: "Monitor" });
    const p = await insertProjectRow({ companyId, leadAgencyId: agencyA.id, name: "Alert Project" });
    await prisma.follow.create({ data: { userId: follower.id, projectId: p.id } });
    // Passed its target 5 days ago (inside the look-back), and one long ago (outside it).
    await milestone(p.id, "recent", { target: "2026-06-25" });
    await milestone(p.id, "ancient", { target: "2019-01-01" });
    // A legal deadline 30 days away: NOI Jul 30, 2024 + 2 years = Jul 30, 2026.
    await milestone(p.id, "noi", { target: "2024-07-30", actual: "2024-07-30", role: "NOTICE_OF_INTENT" });

    const now = new Date("2026-06-30T12:00:00Z");
    const first = await raiseMonitoringAlerts(now);
    const second = await raiseMonitoringAlerts(now);
    expect(first.targetPassed).toBeGreaterThanOrEqual(1);
    expect(second).toEqual(first); // found again, recorded once
    const events = await prisma.domainEvent.findMany({ where: { aggregateId: p.id }, orderBy: { type: "asc" } });
    expect(
      events.map((e) => [
        e.type,
        (e.payload as { milestoneName?: string; kind?: string }).milestoneName ?? (e.payload as { kind: string }).kind,
      ]),
    ).toEqual([
      ["milestone.targetPassed", "recent"],
      ["statutoryDeadline.alert", "30d"],
    ]);
    for (const e of events) await dispatchEvent(e.id);
    const notes = await prisma.notification.findMany({ where: { userId: follower.id }, orderBy: { type: "asc" } });
    expect(notes.map((n) => n.type)).toEqual(["MILESTONE_OVERDUE", "STATUTORY_DEADLINE"]);
    expect(notes.find((n) => n.type === "STATUTORY_DEADLINE")?.title).toContain(
      "statutory EIS deadline in 30 days (Jul 30, 2026)",
    );
  });
});

describe("a statutory extension is part of the record", () => {
  it("records a public event with its log entry, tells followers and watchlist keepers, and reaches the feeds", async () => {
    const regulator = await createUser({ name: "Extending Regulator" });
    const follower = await createUser({ name: "Clock Follower" });
    const keeper = await createUser({ name: "Watchlist Keeper" });
    const orgMember = await createUser({ name: "Organization Keeper" });
    const ngo = await createOrganization("NGO");
    await addMember(orgMember.id, ngo.id);
    const p = await insertProjectRow({ companyId, leadAgencyId: agencyA.id, name: "Extended Clock" });
    await prisma.follow.create({ data: { userId: follower.id, projectId: p.id } });
    await prisma.watchlist.create({
      data: { name: "Mine", ownerUserId: keeper.id, projects: { create: { projectId: p.id } } },
    });
    await prisma.watchlist.create({
      data: { name: "Ours", organizationId: ngo.id, projects: { create: { projectId: p.id } } },
    });
    await milestone(p.id, "noi", { target: "2024-09-01", actual: "2024-09-01", role: "NOTICE_OF_INTENT" });

    const extension = await recordStatutoryExtension(
      p.id,
      {
        newDeadline: d("2027-03-01"),
        reason: "Tribal consultation on the cultural resources survey, agreed with the applicant",
        sourceUrl: "https://www.federalregister.gov/d/2026-01234",
      },
      { actorId: regulator.id, requestId: null },
      TODAY,
    );

    const [event] = await prisma.domainEvent.findMany({
      where: { aggregateId: p.id, type: "statutoryClock.extended" },
    });
    expect(event.payload).toMatchObject({
      extensionId: extension.id,
      track: "EIS",
      basis: "statutory",
      previousDeadline: "2026-09-01",
      previousPrecision: "DAY",
      newDeadline: "2027-03-01",
      sourceUrl: "https://www.federalregister.gov/d/2026-01234",
    });
    // The public log's entry: the public facts, never who typed them in.
    const pending = await prisma.logPending.findUniqueOrThrow({ where: { eventId: event.id } });
    expect(pending.projectId).toBe(p.id);
    const body = JSON.parse(pending.body) as { data: Record<string, unknown> };
    expect(body.data).toMatchObject({ newDeadline: "2027-03-01", previousDeadline: "2026-09-01", track: "EIS" });
    expect(pending.body).not.toContain(regulator.id);
    expect(pending.body).not.toContain("actorId");

    await dispatchEvent(event.id);
    const notes = await prisma.notification.findMany({
      where: { eventId: event.id },
      select: { userId: true, type: true, title: true },
    });
    expect(notes.map((n) => n.userId).sort()).toEqual([follower.id, keeper.id, orgMember.id].sort());
    expect(notes[0].type).toBe("STATUTORY_DEADLINE");
    expect(notes[0].title).toBe("Extended Clock: statutory EIS deadline extended from Sep 1, 2026 to Mar 1, 2027");

    const entries = await listRecordEntries({ projectIds: [p.id] });
    const entry = entries.find((e) => e.kind === "statutoryExtended");
    expect(entry?.rowId).toBe(extension.id);
  });

  it("tells watchlist keepers when a target moves, but not once they unfollowed", async () => {
    const keeper = await createUser({ name: "Slip Watcher" });
    const quitter = await createUser({ name: "Unfollowed Watcher" });
    const p = await insertProjectRow({ companyId, leadAgencyId: agencyB.id, name: "Watched Target" });
    for (const u of [keeper, quitter]) {
      await prisma.watchlist.create({
        data: { name: "Slips", ownerUserId: u.id, projects: { create: { projectId: p.id } } },
      });
    }
    await prisma.follow.create({ data: { userId: quitter.id, projectId: p.id, status: "UNFOLLOWED" } });
    const m = await milestone(p.id, "rod", { baseline: "2027-01-01", target: "2027-01-01" });
    await changeTargetDate(
      {
        projectId: p.id,
        milestoneId: m.id,
        newDate: d("2027-04-01"),
        reason: "ADDITIONAL_ANALYSIS",
        narrative: "More modelling.",
      },
      audit,
    );
    const event = await prisma.domainEvent.findFirstOrThrow({
      where: { aggregateId: p.id, type: "milestone.dateChanged" },
    });
    await dispatchEvent(event.id);
    const notes = await prisma.notification.findMany({ where: { eventId: event.id } });
    expect(notes.map((n) => [n.userId, n.type])).toEqual([[keeper.id, "MILESTONE_DATE_CHANGED"]]);
  });
});

describe("agency track records as CSV and slips over time", () => {
  it("exports one row per agency with the projects behind each figure, and each year's bar is the /schedule rows behind it", async () => {
    const agency = await createOrganization("AGENCY", "Csv Agency");
    const p1 = await insertProjectRow({ companyId, leadAgencyId: agency.id, name: "Csv One" });
    const p2 = await insertProjectRow({ companyId, leadAgencyId: agency.id, name: "Csv Two" });
    // Baselines in 2024: slips +30 and 0 (mean 15); in 2025: +100 (moved once).
    await milestone(p1.id, "a", { baseline: "2024-03-01", target: "2024-03-31" });
    await milestone(p2.id, "b", { baseline: "2024-05-01", target: "2024-05-01", actual: "2024-05-01" });
    await milestone(p2.id, "c", {
      baseline: "2025-01-01",
      target: "2025-04-11",
      moves: [{ from: "2025-01-01", to: "2025-04-11" }],
    });

    const { records, overall } = await loadTrackRecordsWithOverall(TODAY, "agency");
    const record = records.find((r) => r.key === agency.slug)!;
    expect(record.slipByYear).toEqual([
      { year: 2024, mean: 15, n: 2 },
      { year: 2025, mean: 100, n: 1 },
    ]);
    // The overall chart pools every agency's milestones: its 2024 bar holds at least these two.
    expect(overall?.key).toBe("all");
    expect(overall!.slipByYear.find((y) => y.year === 2024)!.n).toBeGreaterThanOrEqual(2);

    // The link behind the 2024 bar lists exactly its milestones, with the same mean.
    const rows = await listSlips(
      parseSlipQuery(new URLSearchParams({ leadAgency: agency.slug, kind: "baselined", baselineYear: "2024" })),
      TODAY,
    );
    expect(rows.rows.map((r) => r.slipDays).sort()).toEqual([0, 30]);

    const response = await agenciesCsv({
      request: new Request("http://localhost/agencies.csv"),
      params: {},
      context: { requestId: "test", clientIp: "127.0.0.1", cspNonce: "" } as AppLoadContext,
    });
    expect(response.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    const text = (await response.text()).replace(/^\uFEFF/, "");
    const [header, ...lines] = text.trim().split("\r\n");
    expect(header.split(",").slice(0, 5)).toEqual(["group_by", "group", "reviews", "projects", "projects_url_path"]);
    const line = lines.find((l) => l.startsWith("agency,Csv Agency,"))!;
    expect(line).toMatch(new RegExp(`,(${p1.slug}; ${p2.slug}|${p2.slug}; ${p1.slug}),`));
    expect(line).toContain(`/projects?leadAgency=${agency.slug}`);
    expect(line).toContain(",43.3,3,"); // mean slip (30 + 0 + 100) / 3 over 3 milestones
  });
});

describe("/schedule and its CSV count the same rows", () => {
  it("leave the fictional training project out of both unless include_training=true asks for it in both", async () => {
    const real = await insertProjectRow({ companyId, leadAgencyId: agencyB.id, name: "Trainee Real Overdue" });
    const training = await insertProjectRow({ companyId, leadAgencyId: agencyB.id, name: "Trainee Fiction Overdue" });
    await prisma.project.update({ where: { id: training.id }, data: { isTraining: true } });
    for (const p of [real, training]) await milestone(p.id, "late", { target: "2026-01-05" });

    const csvRows = async (search: string) => {
      const response = await scheduleCsv({
        request: new Request(`http://localhost/schedule.csv?${search}`),
        params: {},
        context: { requestId: "test", clientIp: "127.0.0.1", cspNonce: "" } as AppLoadContext,
      });
      const [, ...lines] = (await response.text())
        .replace(/^\uFEFF/, "")
        .trim()
        .split("\r\n");
      return lines;
    };
    for (const [search, expected] of [
      ["q=Trainee", ["Trainee Real Overdue"]],
      ["q=Trainee&include_training=true", ["Trainee Fiction Overdue", "Trainee Real Overdue"]],
    ] as const) {
      const page = await listSlips(parseSlipQuery(new URLSearchParams(search)), TODAY);
      expect(page.rows.map((r) => r.projectName).sort(), search).toEqual(expected);
      expect(page.total, search).toBe(expected.length);
      const lines = await csvRows(search);
      expect(lines, search).toHaveLength(page.total);
      // Included, the training project's rows say what they are.
      for (const line of lines)
        expect(line.endsWith(line.startsWith("Trainee Fiction") ? ",true" : ",false")).toBe(true);
    }
  });
});
