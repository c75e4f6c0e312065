// The agency track records precomputed (decision 0028): on a varied record (every precision,
// moved and unmoved milestones, decisions before and after the clock, extensions, packages,
// information requests open, answered and returned, final stage transitions, minerals shared by
// groups, a training project, a project with no lead agency), the SQL aggregation of the stored
// per-project figures gives exactly what the former in-process computation (the oracle in
// test/support) gives, per agency, state and mineral, on days before, inside and after the
// record's dates; and again after changes to every table the figures read, which the triggers
// mark stale in the changing transaction.
import type { DatePrecision, StatutoryRole } from "@prisma/client";
import { beforeAll, describe, expect, it } from "vitest";
import { loadTrackRecords, loadTrackRecordsWithOverall, type GroupBy } from "~/models/agency-stats.server";
import { refreshTrackFacts } from "~/models/track-facts.server";
import { prisma } from "~/services/db.server";
import { oracleTrackRecordsWithOverall } from "../support/agency-stats-oracle";
import { createOrganization, createUser, insertProjectRow } from "../support/factories";

const d = (iso: string) => new Date(`${iso}T00:00:00.000Z`);
const DAYS = ["2021-03-15", "2024-07-01", "2025-11-20", "2026-06-30", "2028-01-01"].map(d);

// A small deterministic generator, so the record is varied but the same on every run.
let state = 42;
const rand = () => {
  state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
  return state / 2 ** 31;
};
const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)];
const dayAfter = (from: string, maxDays: number) =>
  new Date(d(from).getTime() + Math.floor(rand() * maxDays) * 86_400_000).toISOString().slice(0, 10);
const PRECISIONS: DatePrecision[] = ["DAY", "DAY", "DAY", "MONTH", "YEAR"];

let userId: string;
const projectIds: string[] = [];

async function milestone(
  projectId: string,
  key: string,
  f: { baseline?: string; target?: string; actual?: string; precision?: DatePrecision; role?: StatutoryRole },
  moves: string[] = [],
) {
  return prisma.milestone.create({
    data: {
      projectId,
      key,
      name: key,
      baselineDate: f.baseline ? d(f.baseline) : null,
      targetDate: f.target ? d(f.target) : null,
      actualDate: f.actual ? d(f.actual) : null,
      datePrecision: f.precision ?? "DAY",
      statutoryRole: f.role ?? null,
      dateChanges: {
        create: moves.map((to, i) => ({
          previousDate: d(i === 0 ? (f.baseline ?? to) : moves[i - 1]),
          newDate: d(to),
          reason: "ADDITIONAL_ANALYSIS" as const,
          narrative: `move ${i}`,
          changedAt: new Date(Date.UTC(2022, 0, 1 + i)),
        })),
      },
    },
  });
}

async function variedProject(i: number, companyId: string, agencies: (string | null)[]) {
  const status = pick(["IN_PROGRESS", "IN_PROGRESS", "APPROVED", "DENIED", "WITHDRAWN", "PAUSED"] as const);
  const p = await insertProjectRow({
    companyId,
    leadAgencyId: agencies[i % agencies.length],
    name: `Facts Mine ${i}`,
    status,
    track: pick(["EIS", "EA"] as const),
  });
  await prisma.project.update({
    where: { id: p.id },
    data: {
      state: pick(["NV", "AZ", "UT"]),
      commodities: pick([["lithium"], ["lithium", "boron"], ["copper", "gold"], ["gold"]]),
      isTraining: i === 7,
    },
  });
  const noi = dayAfter("2019-01-01", 2400);
  const precision = pick(PRECISIONS);
  if (rand() < 0.85) await milestone(p.id, "noi", { target: noi, actual: noi, precision, role: "NOTICE_OF_INTENT" });
  if (rand() < 0.3) {
    const det = dayAfter("2019-01-01", 2400);
    await milestone(p.id, "det", { target: det, actual: det, role: "DETERMINATION" });
  }
  if (rand() < 0.6) {
    // A decision, sometimes before the notice (another review's), sometimes only targeted.
    const rod = dayAfter(noi, 1400);
    const decided = rand() < 0.8;
    await milestone(
      p.id,
      "rod",
      { baseline: noi, target: rod, actual: decided ? rod : undefined, precision: pick(PRECISIONS), role: "DECISION" },
      rand() < 0.5 ? [rod] : [],
    );
  }
  if (rand() < 0.4) {
    const plan = dayAfter("2018-06-01", 1000);
    await milestone(p.id, "plan_submitted", { target: plan, actual: plan, precision: pick(PRECISIONS) });
  }
  for (let k = 0; k < 4; k++) {
    const baseline = dayAfter("2020-01-01", 2500);
    const target = rand() < 0.5 ? baseline : dayAfter(baseline, 500);
    const done = rand() < 0.4 ? dayAfter(baseline, 600) : undefined;
    await milestone(
      p.id,
      `m${k}`,
      { baseline: rand() < 0.8 ? baseline : undefined, target, actual: done, precision: pick(PRECISIONS) },
      target !== baseline && rand() < 0.7 ? [dayAfter(baseline, 200), target] : [],
    );
  }
  if (rand() < 0.25) {
    await prisma.statutoryExtension.create({
      data: { projectId: p.id, newDeadline: d(dayAfter("2024-01-01", 1500)), reason: "Needed more time" },
    });
  }
  if (rand() < 0.4) {
    const pkg = await prisma.permitPackage.create({
      data: { projectId: p.id, kind: "PLAN_OF_OPERATIONS", title: "Plan", createdById: userId },
    });
    await prisma.packageVersion.create({
      data: {
        packageId: pkg.id,
        number: 1,
        title: "Plan v1",
        description: "",
        submittedById: userId,
        submittedAt: new Date(`${dayAfter("2021-01-01", 1500)}T15:30:00.000Z`),
      },
    });
  }
  const requests = rand() < 0.5 ? Math.floor(rand() * 3) + 1 : 0;
  for (let r = 0; r < requests; r++) {
    const issued = new Date(`${dayAfter("2021-06-01", 2000)}T${pick(["00", "09", "17"])}:00:00.000Z`);
    const request = await prisma.informationRequest.create({
      data: {
        projectId: p.id,
        title: "More data",
        publicSummary: "More data",
        items: ["data"],
        dueDate: d("2027-01-01"),
        issuedAt: issued,
        issuedById: userId,
      },
    });
    const answers = Math.floor(rand() * 3);
    let at = issued.getTime();
    for (let a = 0; a < answers; a++) {
      at += Math.floor(rand() * 200 + 1) * 86_400_000 + 3_600_000;
      const returned = a < answers - 1 || rand() < 0.3;
      await prisma.informationResponse.create({
        data: {
          requestId: request.id,
          text: "Answer",
          submittedById: userId,
          submittedAt: new Date(at),
          decision: returned ? "RETURNED" : rand() < 0.5 ? "ACCEPTED" : null,
          decidedAt: returned ? new Date(at + 10 * 86_400_000) : null,
        },
      });
      at += 10 * 86_400_000;
    }
  }
  if (status === "APPROVED" || status === "DENIED" || status === "WITHDRAWN") {
    await prisma.stageTransition.create({
      data: {
        projectId: p.id,
        kind: "APPROVE",
        toStage: "record_of_decision",
        toStatus: status,
        reason: "Decided",
        occurredAt: new Date(`${dayAfter("2022-01-01", 2000)}T12:00:00.000Z`),
      },
    });
  }
  return p.id;
}

type Record = {
  key: string;
  label: string;
  projects: { slug: string; name: string }[] | null;
  pastDeadline: { statutory: { slug: string }[]; reference: { slug: string }[] };
  noiToDecision: { items: { slug: string; days: number }[] };
  applicationToDecision: { items: { slug: string; days: number }[] };
};

/** Lists whose order the former computation left to the database: sorted for the comparison. */
function normalize<T extends Record>(r: T) {
  const bySlug = <U extends { slug: string }>(list: U[]) => [...list].sort((a, b) => a.slug.localeCompare(b.slug));
  const byDays = <U extends { slug: string; days: number }>(list: U[]) =>
    [...list].sort((a, b) => a.days - b.days || a.slug.localeCompare(b.slug));
  return {
    ...r,
    reviews: undefined,
    projects: bySlug(r.projects ?? []),
    noiToDecision: { ...r.noiToDecision, items: byDays(r.noiToDecision.items) },
    applicationToDecision: { ...r.applicationToDecision, items: byDays(r.applicationToDecision.items) },
    pastDeadline: { statutory: bySlug(r.pastDeadline.statutory), reference: bySlug(r.pastDeadline.reference) },
  };
}

async function expectSameAsOracle(today: Date, by: GroupBy) {
  const ours = await loadTrackRecordsWithOverall(today, by);
  const theirs = await oracleTrackRecordsWithOverall(today, by);
  const label = `${by} on ${today.toISOString().slice(0, 10)}`;
  expect(ours.records.map(normalize), label).toEqual(theirs.records.map(normalize));
  expect(ours.overall && normalize(ours.overall), label).toEqual(theirs.overall && normalize(theirs.overall));
  for (const r of ours.records) expect(r.reviews, label).toBe(r.projects?.length);
  return ours;
}

beforeAll(async () => {
  userId = (await createUser({ name: "Facts Clerk" })).id;
  const companyId = (await createOrganization("COMPANY")).id;
  const agencies = [
    (await createOrganization("AGENCY", "Facts Agency One")).id,
    (await createOrganization("AGENCY", "Facts Agency Two")).id,
    (await createOrganization("AGENCY", "Facts Agency Three")).id,
    null,
  ];
  for (let i = 0; i < 36; i++) projectIds.push(await variedProject(i, companyId, agencies));
}, 120_000);

describe("agency track records from precomputed figures", () => {
  it("are identical to the in-process computation per agency, state and mineral, on every day", async () => {
    for (const today of DAYS) {
      for (const by of ["agency", "state", "commodity"] as const) await expectSameAsOracle(today, by);
    }
    // The record holds every kind of figure, so the comparison above compared something.
    const { records, overall } = await loadTrackRecordsWithOverall(d("2026-06-30"), "agency");
    expect(records.length).toBe(3);
    expect(overall!.noiToDecision.n).toBeGreaterThanOrEqual(5);
    expect(overall!.applicationToDecision.n).toBeGreaterThan(0);
    expect(overall!.pastDeadline.statutory.length + overall!.pastDeadline.reference.length).toBeGreaterThan(0);
    expect(overall!.desk.projects).toBeGreaterThan(0);
    expect(overall!.desk.applicantDays).toBeGreaterThan(0);
    expect(overall!.firstTarget.of).toBeGreaterThan(0);
    expect(overall!.slipByYear.length).toBeGreaterThan(1);
  }, 120_000);

  it("stay identical after changes to every table they read, each marked stale in its own transaction", async () => {
    const today = d("2026-06-30");
    await refreshTrackFacts(today);
    const [a, b, c, e, f] = projectIds;
    const stale = async () =>
      (await prisma.trackFactsStale.findMany({ select: { projectId: true } })).map((s) => s.projectId).sort();

    await milestone(a, "late-decision", { target: "2026-01-10", actual: "2026-01-10", role: "DECISION" });
    const moved = await prisma.milestone.findFirstOrThrow({ where: { projectId: b, key: "m0" } });
    await prisma.milestoneDateChange.create({
      data: {
        milestoneId: moved.id,
        previousDate: d("2018-01-01"),
        newDate: moved.targetDate,
        reason: "LITIGATION",
        narrative: "x",
        changedAt: new Date(Date.UTC(2019, 0, 1)),
      },
    });
    await prisma.statutoryExtension.create({
      data: { projectId: c, newDeadline: d("2031-01-01"), reason: "More time" },
    });
    await prisma.project.update({ where: { id: e }, data: { status: "APPROVED", reviewTrack: "EA" } });
    const request = await prisma.informationRequest.create({
      data: {
        projectId: f,
        title: "Open",
        publicSummary: "Open",
        items: [],
        dueDate: d("2026-07-01"),
        issuedAt: d("2026-03-01"),
        issuedById: userId,
      },
    });
    expect(await stale()).toEqual([a, b, c, e, f].sort());

    await expectSameAsOracle(today, "agency");
    expect(await stale()).toEqual([]);

    // A response in raw SQL, a deleted date change, a deleted package: marked all the same.
    await prisma.$executeRaw`INSERT INTO "InformationResponse" (id, "requestId", text, "submittedById", "submittedAt")
      VALUES ('facts-raw-response', ${request.id}, 'raw', ${userId}, '2026-04-01')`;
    await prisma.milestoneDateChange.deleteMany({ where: { milestoneId: moved.id } });
    await prisma.permitPackage.deleteMany({ where: { projectId: { in: projectIds } } });
    expect(await stale()).toEqual(expect.arrayContaining([b, f]));
    for (const by of ["agency", "state", "commodity"] as const) await expectSameAsOracle(today, by);

    // A deleted project leaves the figures with its row.
    await prisma.project.delete({ where: { id: a } });
    await expectSameAsOracle(today, "agency");
    expect(await prisma.projectTrackFacts.count({ where: { projectId: a } })).toBe(0);
  }, 120_000);

  it("the /agencies summary carries the same figures without the lists it does not show", async () => {
    const today = d("2025-11-20");
    const full = await loadTrackRecords(today, "state");
    const { records } = await loadTrackRecordsWithOverall(today, "state", undefined, { detail: "summary" });
    expect(records.map((r) => ({ ...r, noiToDecision: { ...r.noiToDecision, items: [] } }))).toEqual(
      full.map((r) => ({
        ...r,
        projects: null,
        noiToDecision: { ...r.noiToDecision, items: [] },
        applicationToDecision:
          r.applicationToDecision.median === null ? r.applicationToDecision : { ...r.applicationToDecision, items: [] },
      })),
    );
    const one = await loadTrackRecords(today, "commodity", "boron");
    expect(one.map((r) => r.key)).toEqual(["boron"]);
  });
});
