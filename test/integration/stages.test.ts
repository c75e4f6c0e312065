import { describe, expect, it } from "vitest";
import { ConflictError, DomainError } from "~/models/errors.server";
import { changeTargetDate, listDateChanges } from "~/models/milestone.server";
import { updateRegulatoryDetails } from "~/models/project.server";
import { changeStage } from "~/models/stage.server";
import { prisma } from "~/services/db.server";
import { createOrganization, insertProjectRow, createUser } from "../support/factories";

async function setup(stage = "draft_eis") {
  const company = await createOrganization("COMPANY");
  const agency = await createOrganization("AGENCY");
  const regulator = await createUser();
  const project = await insertProjectRow({ companyId: company.id, leadAgencyId: agency.id, stage });
  return { project, regulator, context: { actorId: regulator.id, requestId: "req-1" } };
}

describe("stage changes", () => {
  it("advances one stage and records who, when, from, to and why, with its audit and outbox rows", async () => {
    const { project, regulator, context } = await setup();
    const result = await changeStage(
      {
        projectId: project.id,
        expectedVersion: 1,
        kind: "ADVANCE",
        reason: "Final EIS notice of availability published.",
      },
      context,
    );
    expect(result.version).toBe(2);
    const after = await prisma.project.findUniqueOrThrow({ where: { id: project.id } });
    expect(after).toMatchObject({ currentStage: "final_eis", status: "IN_PROGRESS", version: 2 });

    const transition = await prisma.stageTransition.findFirstOrThrow({ where: { projectId: project.id } });
    expect(transition).toMatchObject({
      kind: "ADVANCE",
      fromStage: "draft_eis",
      toStage: "final_eis",
      actorId: regulator.id,
      reason: "Final EIS notice of availability published.",
    });
    const audit = await prisma.auditEvent.findFirstOrThrow({ where: { entityId: project.id } });
    expect(audit).toMatchObject({ action: "project.stage.advance", requestId: "req-1", actorId: regulator.id });
    const [event] = await prisma.domainEvent.findMany({ where: { aggregateId: project.id } });
    expect(event.type).toBe("project.stageChanged");
    expect(event.processedAt).toBeNull();
    expect(event.payload).toMatchObject({
      fromStageLabel: "Draft EIS",
      toStageLabel: "Final EIS and draft decision",
      transitionId: transition.id,
    });
  });

  it("refuses a move the workflow does not allow, with a clear reason, and changes nothing", async () => {
    const { project, context } = await setup("draft_eis");
    await expect(
      changeStage(
        { projectId: project.id, expectedVersion: 1, kind: "APPROVE", reason: "Trying to approve early." },
        context,
      ),
    ).rejects.toThrow("Approval is recorded at the record of decision stage or later.");
    await expect(
      changeStage(
        {
          projectId: project.id,
          expectedVersion: 1,
          kind: "RESCIND",
          toStage: "objection_period",
          reason: "Not earlier at all.",
        },
        context,
      ),
    ).rejects.toThrow("A rescission goes back to an earlier stage.");
    expect(await prisma.stageTransition.count({ where: { projectId: project.id } })).toBe(0);
    expect(await prisma.domainEvent.count({ where: { aggregateId: project.id } })).toBe(0);
    expect((await prisma.project.findUniqueOrThrow({ where: { id: project.id } })).version).toBe(1);
  });

  it("rescinds a final EIS back to the draft, as happened to Resolution Copper in 2021", async () => {
    const { project, context } = await setup("objection_period");
    await changeStage(
      {
        projectId: project.id,
        expectedVersion: 1,
        kind: "RESCIND",
        toStage: "draft_eis",
        reason: "USDA rescinded the FEIS and draft ROD.",
      },
      context,
    );
    expect(await prisma.project.findUniqueOrThrow({ where: { id: project.id } })).toMatchObject({
      currentStage: "draft_eis",
      status: "IN_PROGRESS",
    });
  });

  it("pauses with a reason and expected lift date, and resuming lifts the pause", async () => {
    const { project, context } = await setup();
    await changeStage(
      {
        projectId: project.id,
        expectedVersion: 1,
        kind: "PAUSE",
        reason: "The sponsor is revising its plan of operations.",
        pause: { reason: "SPONSOR_FACTORS", expectedLiftDate: new Date("2027-06-30T00:00:00Z") },
      },
      context,
    );
    const pause = await prisma.projectPause.findFirstOrThrow({ where: { projectId: project.id } });
    expect(pause).toMatchObject({ reason: "SPONSOR_FACTORS", liftedAt: null });
    await expect(
      changeStage(
        { projectId: project.id, expectedVersion: 2, kind: "ADVANCE", reason: "Moving on while paused" },
        context,
      ),
    ).rejects.toThrow(/paused/);
    await changeStage(
      { projectId: project.id, expectedVersion: 2, kind: "RESUME", reason: "Revised plan received." },
      context,
    );
    expect((await prisma.projectPause.findFirstOrThrow({ where: { projectId: project.id } })).liftedAt).not.toBeNull();
  });

  it("refuses a stale version with the reload message", async () => {
    const { project, context } = await setup();
    await changeStage(
      { projectId: project.id, expectedVersion: 1, kind: "ADVANCE", reason: "First regulator's change." },
      context,
    );
    const stale = changeStage(
      { projectId: project.id, expectedVersion: 1, kind: "ADVANCE", reason: "Second regulator's change." },
      context,
    );
    await expect(stale).rejects.toBeInstanceOf(ConflictError);
    await expect(stale).rejects.toThrow(/Reload/);
  });

  it("applies exactly one of two truly concurrent submissions on the same version", async () => {
    const { project, context } = await setup();
    // Separate pooled connections run both transactions at the same time.
    const attempts = await Promise.allSettled(
      Array.from({ length: 6 }, (_, i) =>
        changeStage(
          { projectId: project.id, expectedVersion: 1, kind: "ADVANCE", reason: `Concurrent change number ${i}` },
          context,
        ),
      ),
    );
    const fulfilled = attempts.filter((a) => a.status === "fulfilled");
    const rejected = attempts.filter((a): a is PromiseRejectedResult => a.status === "rejected");
    expect(fulfilled).toHaveLength(1);
    expect(rejected).toHaveLength(5);
    for (const failure of rejected) expect(failure.reason).toBeInstanceOf(ConflictError);
    expect(await prisma.project.findUniqueOrThrow({ where: { id: project.id } })).toMatchObject({
      currentStage: "final_eis",
      version: 2,
    });
    expect(await prisma.stageTransition.count({ where: { projectId: project.id } })).toBe(1);
    expect(await prisma.domainEvent.count({ where: { aggregateId: project.id } })).toBe(1);
  });

  it("refuses a review-track change that would strand the project on a stage the new track lacks", async () => {
    const { project, context } = await setup("draft_eis");
    await expect(
      updateRegulatoryDetails(
        project.id,
        1,
        { leadAgencyId: project.leadAgencyId!, cooperatingAgencyIds: [], reviewTrack: "EA" },
        context,
      ),
    ).rejects.toBeInstanceOf(DomainError);
  });
});

describe("milestone date changes", () => {
  it("keeps the baseline, moves the target, and records the public history with its reason", async () => {
    const { project, context } = await setup();
    const milestone = await prisma.milestone.create({
      data: {
        projectId: project.id,
        key: "rod",
        name: "Record of decision",
        baselineDate: new Date("2026-03-01T00:00:00Z"),
        targetDate: new Date("2026-03-01T00:00:00Z"),
      },
    });
    await changeTargetDate(
      {
        projectId: project.id,
        milestoneId: milestone.id,
        newDate: new Date("2026-05-01T00:00:00Z"),
        reason: "ADDITIONAL_ANALYSIS",
        narrative: "107 requests for additional information are still open.",
      },
      context,
    );
    const after = await prisma.milestone.findUniqueOrThrow({ where: { id: milestone.id } });
    expect(after.baselineDate?.toISOString().slice(0, 10)).toBe("2026-03-01");
    expect(after.targetDate?.toISOString().slice(0, 10)).toBe("2026-05-01");
    const [change] = await listDateChanges(project.id);
    expect(change).toMatchObject({
      reason: "ADDITIONAL_ANALYSIS",
      narrative: "107 requests for additional information are still open.",
    });
    expect(change.previousDate?.toISOString().slice(0, 10)).toBe("2026-03-01");
    const [event] = await prisma.domainEvent.findMany({
      where: { type: "milestone.dateChanged", aggregateId: project.id },
    });
    expect(event).toBeDefined();
    // The email and the notification show the dates at the milestone's precision.
    expect(event.payload).toMatchObject({ datePrecision: "DAY" });
  });

  it("refuses a milestone of another project", async () => {
    const first = await setup();
    const second = await setup();
    const milestone = await prisma.milestone.create({
      data: { projectId: second.project.id, key: "noi", name: "NOI" },
    });
    await expect(
      changeTargetDate(
        {
          projectId: first.project.id,
          milestoneId: milestone.id,
          newDate: new Date(),
          reason: "LITIGATION",
          narrative: "Court order issued.",
        },
        first.context,
      ),
    ).rejects.toThrow("That milestone is not part of this project.");
  });
});
