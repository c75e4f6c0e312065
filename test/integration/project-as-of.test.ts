// The record as of a past day, rebuilt from the history: stage and status from the transitions,
// each milestone's target from its date changes, actual dates only once their period has ended,
// pauses, and comment period deadlines from their changes. Cut at midnight in the agency's zone.
import { describe, expect, it } from "vitest";
import { endOfDay, projectAsOf } from "~/models/project-as-of.server";
import { prisma } from "~/services/db.server";
import { createOrganization, insertProjectRow, createUser } from "../support/factories";

const d = (iso: string) => new Date(`${iso}T00:00:00Z`);

async function recordWithHistory() {
  const [company, agency, regulator] = await Promise.all([
    createOrganization("COMPANY"),
    createOrganization("AGENCY"), // America/Los_Angeles
    createUser(),
  ]);
  const project = await insertProjectRow({ companyId: company.id, leadAgencyId: agency.id, stage: "final_eis" });
  await prisma.stageTransition.createMany({
    data: [
      {
        projectId: project.id,
        kind: "RECORD",
        toStage: "noi_scoping",
        toStatus: "IN_PROGRESS",
        reason: "NOI",
        occurredAt: d("2023-01-10"),
        occurredAtPrecision: "DAY",
      },
      // Late in the evening of June 1 in Los Angeles: still June 1 there, June 2 in UTC.
      {
        projectId: project.id,
        kind: "ADVANCE",
        fromStage: "noi_scoping",
        toStage: "draft_eis",
        toStatus: "IN_PROGRESS",
        reason: "DEIS",
        occurredAt: new Date("2024-06-02T05:30:00Z"),
      },
      {
        projectId: project.id,
        kind: "ADVANCE",
        fromStage: "draft_eis",
        toStage: "final_eis",
        toStatus: "IN_PROGRESS",
        reason: "FEIS",
        occurredAt: d("2025-03-01"),
      },
    ],
  });
  const rod = await prisma.milestone.create({
    data: {
      projectId: project.id,
      key: "rod",
      name: "Record of decision",
      baselineDate: d("2024-09-01"),
      targetDate: d("2025-09-01"),
      datePrecision: "MONTH",
    },
  });
  await prisma.milestoneDateChange.createMany({
    data: [
      {
        milestoneId: rod.id,
        previousDate: d("2024-09-01"),
        newDate: d("2025-01-01"),
        reason: "ADDITIONAL_ANALYSIS",
        narrative: "x",
        changedAt: d("2024-05-01"),
      },
      {
        milestoneId: rod.id,
        previousDate: d("2025-01-01"),
        newDate: d("2025-09-01"),
        reason: "CONSULTATION",
        narrative: "y",
        changedAt: d("2024-08-01"),
      },
    ],
  });
  await prisma.milestone.create({
    data: {
      projectId: project.id,
      key: "noi",
      name: "Notice of intent",
      baselineDate: d("2023-01-01"),
      targetDate: d("2023-01-01"),
      actualDate: d("2023-01-01"),
      datePrecision: "MONTH",
    },
  });
  const period = await prisma.commentPeriod.create({
    data: {
      projectId: project.id,
      stage: "draft_eis",
      title: "DEIS comments",
      opensAt: new Date("2024-06-03T15:00:00Z"),
      closesAt: new Date("2024-07-03T06:59:00Z"),
      timeZone: "America/Los_Angeles",
      openedById: regulator.id,
    },
  });
  await prisma.commentPeriodChange.create({
    data: {
      periodId: period.id,
      kind: "EXTEND",
      previousClosesAt: new Date("2024-07-03T06:59:00Z"),
      newClosesAt: new Date("2024-08-03T06:59:00Z"),
      reason: "Asked for",
      changedById: regulator.id,
      changedAt: new Date("2024-06-20T18:00:00Z"),
    },
  });
  return project;
}

describe("the record as of a date", () => {
  it("cuts at midnight after the day in the lead agency's zone", () => {
    expect(endOfDay(d("2024-06-01"), "America/Los_Angeles").toISOString()).toBe("2024-06-02T07:00:00.000Z");
  });

  it("shows stage, targets then and comment periods then, and leaves out what came later", async () => {
    const project = await recordWithHistory();
    const june1 = (await projectAsOf(project.slug, d("2024-06-01")))!;
    expect(june1.stage).toMatchObject({ label: "Draft EIS", status: "IN_PROGRESS" });
    const rod = june1.milestones.find((m) => m.name === "Record of decision")!;
    expect(rod).toMatchObject({ targetDate: "2025-01-01", actualDate: null, laterChanges: 1, status: "delayed" });
    expect(june1.milestones.find((m) => m.name === "Notice of intent")).toMatchObject({
      actualDate: "2023-01-01",
      status: "complete",
    });
    expect(june1.periods).toEqual([]);

    const june25 = (await projectAsOf(project.slug, d("2024-06-25")))!;
    expect(june25.periods).toMatchObject([
      { title: "DEIS comments", state: "open", closesAt: "2024-08-03T06:59:00.000Z" },
    ]);
    const june10 = (await projectAsOf(project.slug, d("2024-06-10")))!;
    expect(june10.periods).toMatchObject([{ state: "open", closesAt: "2024-07-03T06:59:00.000Z" }]);

    const early = (await projectAsOf(project.slug, d("2024-04-01")))!;
    expect(early.stage?.label).toBe("Notice of intent and scoping");
    expect(early.milestones.find((m) => m.name === "Record of decision")).toMatchObject({
      targetDate: "2024-09-01",
      laterChanges: 2,
    });

    const before = (await projectAsOf(project.slug, d("2022-12-31")))!;
    expect(before.stage).toBeNull();
    // The NOI happened in January 2023 (month precision): not yet on Dec 31, 2022.
    expect(before.milestones.find((m) => m.name === "Notice of intent")).toMatchObject({
      actualDate: null,
      actualUncertain: false,
    });
    const midJanuary = (await projectAsOf(project.slug, d("2023-01-05")))!;
    expect(midJanuary.milestones.find((m) => m.name === "Notice of intent")).toMatchObject({
      actualDate: null,
      actualUncertain: true,
    });
  });
});
