// Moving a project through its review: the enforced workflow, optimistic locking, the stage
// history, the audit event and the outbox event, all in one transaction.
import type { DateChangeReason } from "@prisma/client";
import { recordAudit, type AuditContext } from "~/services/audit.server";
import { prisma } from "~/services/db.server";
import { blockingConditions } from "./condition.server";
import { ConflictError, DomainError } from "./errors.server";
import { recordEvent } from "./events/record.server";
import { queueSavedSearchCheck } from "./saved-search.server";
import { CONDITION_SEVERITY_LABELS } from "./condition.labels";
import { planTransition, stageLabel, type TransitionKindKey } from "./workflow";

export type StageChangeInput = {
  projectId: string;
  expectedVersion: number;
  kind: TransitionKindKey;
  toStage?: string;
  reason: string;
  /** Required when pausing: why, and when the pause is expected to lift. */
  pause?: { reason: DateChangeReason; expectedLiftDate: Date | null };
};

export async function changeStage(input: StageChangeInput, context: AuditContext) {
  return prisma.$transaction(async (tx) => {
    // Serialises with addCondition on this project (see there), so the condition check below is current.
    await tx.$queryRaw`select id from "Project" where id = ${input.projectId} for update`;
    const project = await tx.project.findUnique({
      where: { id: input.projectId },
      select: { id: true, slug: true, name: true, reviewTrack: true, currentStage: true, status: true, version: true },
    });
    if (!project) throw new DomainError("This project no longer exists.", "form", 404);
    if (project.version !== input.expectedVersion) throw new ConflictError();

    const plan = planTransition(
      { track: project.reviewTrack, stage: project.currentStage, status: project.status },
      { kind: input.kind, toStage: input.toStage },
    );
    if (!plan.ok) throw new DomainError(plan.reason, "kind", 422);
    if (input.kind === "PAUSE" && !input.pause) throw new DomainError("Say why the review is paused.", "pauseReason");
    const move = plan.transition;

    // Conditions of approval are checked here, inside the transaction, so no page can skip them.
    const [blocker, ...moreBlockers] = await blockingConditions(tx, project.id, move);
    if (blocker) {
      const more = moreBlockers.length ? ` and ${moreBlockers.length} more` : "";
      throw new DomainError(
        `Blocked by a condition of approval (${CONDITION_SEVERITY_LABELS[blocker.severity]}): "${blocker.text}"${more}. Mark ${more ? "them" : "it"} met or waive ${more ? "them" : "it"} with a reason first.`,
        "kind",
        422,
      );
    }

    // The version check in the WHERE clause is what makes two simultaneous submissions safe:
    // the second one waits for the first's row lock, then matches no row.
    const updated = await tx.project.updateMany({
      where: { id: project.id, version: input.expectedVersion },
      data: { currentStage: move.toStage, status: move.toStatus, version: { increment: 1 } },
    });
    if (updated.count === 0) throw new ConflictError();

    const now = new Date();
    const transition = await tx.stageTransition.create({
      data: {
        projectId: project.id,
        kind: move.kind,
        fromStage: move.fromStage,
        toStage: move.toStage,
        fromStatus: move.fromStatus,
        toStatus: move.toStatus,
        reason: input.reason,
        actorId: context.actorId,
        occurredAt: now,
      },
    });
    if (move.kind === "PAUSE" && input.pause) {
      await tx.projectPause.create({
        data: {
          projectId: project.id,
          reason: input.pause.reason,
          summary: input.reason,
          expectedLiftDate: input.pause.expectedLiftDate,
          startedAt: now,
        },
      });
    }
    if (move.kind === "RESUME") {
      await tx.projectPause.updateMany({ where: { projectId: project.id, liftedAt: null }, data: { liftedAt: now } });
    }
    await recordAudit(tx, context, {
      action: `project.stage.${move.kind.toLowerCase()}`,
      entityType: "Project",
      entityId: project.id,
      before: { stage: move.fromStage, status: move.fromStatus, version: input.expectedVersion },
      after: { stage: move.toStage, status: move.toStatus, version: input.expectedVersion + 1, reason: input.reason },
    });
    // Outbox: the notification worker emails followers from this row; written here so a stage
    // change and its announcement can never be separated.
    await recordEvent(
      tx,
      "project.stageChanged",
      {
        projectId: project.id,
        slug: project.slug,
        name: project.name,
        transitionId: transition.id,
        kind: move.kind,
        fromStage: move.fromStage,
        fromStageLabel: stageLabel(project.reviewTrack, move.fromStage),
        toStage: move.toStage,
        toStageLabel: stageLabel(project.reviewTrack, move.toStage),
        fromStatus: move.fromStatus,
        toStatus: move.toStatus,
        reason: input.reason,
        actorId: context.actorId,
        occurredAt: now.toISOString(),
      },
      { occurredAt: now },
    );
    await queueSavedSearchCheck(tx, project.id);
    return { transition, version: input.expectedVersion + 1 };
  });
}
