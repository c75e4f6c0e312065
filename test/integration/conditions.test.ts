import { describe, expect, it } from "vitest";
import { addCondition, blockingConditions, listConditions, resolveCondition } from "~/models/condition.server";
import { DomainError } from "~/models/errors.server";
import { openReview } from "~/models/review.server";
import { changeStage } from "~/models/stage.server";
import { prisma } from "~/services/db.server";
import { createProjectWorld, type ProjectWorld } from "../support/world";

const advance = (s: ProjectWorld, expectedVersion: number) =>
  changeStage(
    { projectId: s.project.id, expectedVersion, kind: "ADVANCE", reason: "Next notice has been published." },
    s.context,
  );

const setting = (stage = "draft_eis") => createProjectWorld({ stage });

describe("holds", () => {
  it("refuse an advance, naming the condition, and change nothing", async () => {
    const s = await setting();
    await addCondition(
      s.project.id,
      { text: "Submit the revised reclamation bond estimate.", severity: "HOLD" },
      s.context,
    );
    await expect(advance(s, 1)).rejects.toThrow(
      'Blocked by a condition of approval (Hold): "Submit the revised reclamation bond estimate.". Mark it met or waive it with a reason first.',
    );
    const project = await prisma.project.findUniqueOrThrow({ where: { id: s.project.id } });
    expect(project).toMatchObject({ currentStage: "draft_eis", version: 1 });
    expect(await prisma.stageTransition.count({ where: { projectId: s.project.id } })).toBe(0);
  });

  it("let the advance through once met, with the resolution recorded and audited", async () => {
    const s = await setting();
    const hold = await addCondition(
      s.project.id,
      { text: "Submit the revised reclamation bond estimate.", severity: "HOLD" },
      s.context,
    );
    await resolveCondition(
      s.project.id,
      hold.id,
      { status: "MET", resolution: "Estimate received 2026-02-03." },
      s.context,
    );
    await advance(s, 1);
    expect((await prisma.project.findUniqueOrThrow({ where: { id: s.project.id } })).currentStage).toBe("final_eis");
    expect(await prisma.condition.findUniqueOrThrow({ where: { id: hold.id } })).toMatchObject({
      status: "MET",
      resolution: "Estimate received 2026-02-03.",
      resolvedById: s.leadRegulator.id,
    });
    const actions = (await prisma.auditEvent.findMany({ where: { entityId: hold.id } })).map((a) => a.action).sort();
    expect(actions).toEqual(["condition.add", "condition.meet"]);
  });

  it("say how many more block when there are several, and also block approval", async () => {
    const s = await setting("record_of_decision");
    await addCondition(s.project.id, { text: "First hold on the project.", severity: "HOLD" }, s.context);
    await addCondition(s.project.id, { text: "Second hold on the project.", severity: "HOLD" }, s.context);
    await expect(
      changeStage(
        { projectId: s.project.id, expectedVersion: 1, kind: "APPROVE", reason: "Record of decision signed." },
        s.context,
      ),
    ).rejects.toThrow('(Hold): "First hold on the project." and 1 more. Mark them met');
  });

  it("never block a pause or a denial", async () => {
    const s = await setting();
    await addCondition(s.project.id, { text: "Tribal consultation must conclude.", severity: "HOLD" }, s.context);
    await changeStage(
      {
        projectId: s.project.id,
        expectedVersion: 1,
        kind: "PAUSE",
        reason: "The sponsor asked for time.",
        pause: { reason: "SPONSOR_FACTORS", expectedLiftDate: null },
      },
      s.context,
    );
    await changeStage(
      { projectId: s.project.id, expectedVersion: 2, kind: "DENY", reason: "The plan cannot meet the standards." },
      s.context,
    );
    expect((await prisma.project.findUniqueOrThrow({ where: { id: s.project.id } })).status).toBe("DENIED");
  });
});

describe("waivers and resolution", () => {
  it("require a reason to waive, then lift the hold", async () => {
    const s = await setting();
    const hold = await addCondition(s.project.id, { text: "Complete the spring survey.", severity: "HOLD" }, s.context);
    await expect(
      resolveCondition(s.project.id, hold.id, { status: "WAIVED", resolution: "" }, s.context),
    ).rejects.toThrow(/Say why the condition is waived/);
    await expect(
      resolveCondition(s.project.id, hold.id, { status: "WAIVED", resolution: "n/a" }, s.context),
    ).rejects.toBeInstanceOf(DomainError);
    await expect(
      resolveCondition(s.project.id, hold.id, { status: "MET", resolution: " " }, s.context),
    ).rejects.toThrow("Say how the condition was met.");
    expect((await prisma.condition.findUniqueOrThrow({ where: { id: hold.id } })).status).toBe("PENDING");

    await resolveCondition(
      s.project.id,
      hold.id,
      { status: "WAIVED", resolution: "The springs were surveyed under the 2024 baseline study." },
      s.context,
    );
    await advance(s, 1);
  });

  it("refuse resolving a condition twice, or one of another project", async () => {
    const s = await setting();
    const other = await setting();
    const hold = await addCondition(
      s.project.id,
      { text: "Post the water rights permit.", severity: "HOLD" },
      s.context,
    );
    await resolveCondition(s.project.id, hold.id, { status: "MET", resolution: "Permit 12345 posted." }, s.context);
    await expect(
      resolveCondition(
        s.project.id,
        hold.id,
        { status: "WAIVED", resolution: "Changed our mind entirely." },
        s.context,
      ),
    ).rejects.toThrow("This condition is already met; only a pending condition can be resolved.");
    await expect(
      resolveCondition(other.project.id, hold.id, { status: "MET", resolution: "Wrong project." }, other.context),
    ).rejects.toThrow("That condition is not part of this project.");
  });

  it("refuse a condition tied to another project's review", async () => {
    const s = await setting();
    const other = await setting();
    const review = await openReview(
      other.project.id,
      { agencyId: other.leadAgency.id, resourceArea: "AIR", title: "Dust and emissions" },
      other.context,
    );
    await expect(
      addCondition(s.project.id, { reviewId: review.id, text: "Monitor dust.", severity: "NOTICE" }, s.context),
    ).rejects.toThrow("That review is not part of this project.");
  });
});

describe("other severities", () => {
  it("a permit requirement blocks only the move into permits issued", async () => {
    const s = await setting("final_eis");
    const required = await addCondition(
      s.project.id,
      { text: "Post the reclamation bond before permits issue.", severity: "REQUIRED_BEFORE_PERMIT" },
      s.context,
    );
    await advance(s, 1); // final_eis → objection_period
    await advance(s, 2); // objection_period → record_of_decision
    await changeStage(
      { projectId: s.project.id, expectedVersion: 3, kind: "APPROVE", reason: "Record of decision signed." },
      s.context,
    );
    await expect(advance(s, 4)).rejects.toThrow(
      'Blocked by a condition of approval (Required before permits): "Post the reclamation bond before permits issue."',
    );
    await resolveCondition(s.project.id, required.id, { status: "MET", resolution: "Bond posted." }, s.context);
    await advance(s, 4);
    expect((await prisma.project.findUniqueOrThrow({ where: { id: s.project.id } })).currentStage).toBe(
      "permits_issued",
    );
  });

  it("a notice never blocks, not even the move into permits issued", async () => {
    const s = await setting("record_of_decision");
    await addCondition(s.project.id, { text: "Report annual water use.", severity: "NOTICE" }, s.context);
    const kinds = [
      { kind: "ADVANCE", toStage: "permits_issued" },
      { kind: "APPROVE", toStage: "record_of_decision" },
    ];
    for (const move of kinds) expect(await blockingConditions(prisma, s.project.id, move)).toEqual([]);
    await advance(s, 1);
    expect((await prisma.project.findUniqueOrThrow({ where: { id: s.project.id } })).currentStage).toBe(
      "permits_issued",
    );
  });

  it("lists pending conditions first", async () => {
    const s = await setting();
    const first = await addCondition(s.project.id, { text: "First condition text.", severity: "NOTICE" }, s.context);
    await resolveCondition(s.project.id, first.id, { status: "MET", resolution: "Done." }, s.context);
    await addCondition(s.project.id, { text: "Second condition text.", severity: "HOLD" }, s.context);
    expect((await listConditions(s.project.id)).map((c) => c.status)).toEqual(["PENDING", "MET"]);
  });
});
