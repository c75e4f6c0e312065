// Conditions of approval: what a review or the decision requires of the project, and whether it
// has been met. Holds and permit requirements are enforced by the stage workflow
// (blockingConditions, called inside changeStage's transaction), so the rule cannot be bypassed
// by a page that forgets to check.
import type { ConditionSeverity } from "@prisma/client";
import { recordAudit, type AuditContext } from "~/services/audit.server";
import { prisma, type DbClient } from "~/services/db.server";
import { WAIVER_REASON_MIN } from "~/schemas/review";
import { DomainError } from "./errors.server";
import { CONDITION_STATUS_LABELS } from "./condition.labels";

export const PERMITS_ISSUED_STAGE = "permits_issued";

/** Public fields of a condition; used by the conditions page and a review's page alike. */
export const CONDITION_SELECT = {
  id: true,
  text: true,
  severity: true,
  status: true,
  resolution: true,
  createdAt: true,
  resolvedAt: true,
  review: { select: { id: true, title: true, resourceArea: true } },
} as const;

export function listConditions(projectId: string) {
  return prisma.condition.findMany({
    where: { projectId },
    // PostgreSQL sorts enums in declaration order: pending first, then met, then waived.
    orderBy: [{ status: "asc" }, { createdAt: "asc" }, { id: "asc" }],
    select: CONDITION_SELECT,
  });
}

export async function addCondition(
  projectId: string,
  input: { reviewId?: string; text: string; severity: ConditionSeverity },
  context: AuditContext,
) {
  const createdById = context.actorId;
  // The schema requires an author: conditions are set by a person, never by the import.
  if (!createdById) throw new Error("A condition of approval is always set by a signed-in person.");
  return prisma.$transaction(async (tx) => {
    // Same lock as changeStage takes: a hold added while a stage change is in flight is either
    // seen by it or added after it, never lost between its check and its update.
    const locked = await tx.$queryRaw<{ id: string }[]>`select id from "Project" where id = ${projectId} for update`;
    if (locked.length === 0) throw new DomainError("This project no longer exists.", "form", 404);
    if (input.reviewId) {
      const review = await tx.environmentalReview.findFirst({
        where: { id: input.reviewId, projectId },
        select: { id: true },
      });
      if (!review) throw new DomainError("That review is not part of this project.", "reviewId", 404);
    }
    const condition = await tx.condition.create({
      data: {
        projectId,
        reviewId: input.reviewId ?? null,
        text: input.text,
        severity: input.severity,
        createdById,
      },
    });
    await recordAudit(tx, context, {
      action: "condition.add",
      entityType: "Condition",
      entityId: condition.id,
      after: { projectId, reviewId: condition.reviewId, text: condition.text, severity: condition.severity },
    });
    return condition;
  });
}

/**
 * Records that a pending condition was met, or waives it. Either way the resolution is public
 * text: how it was met, or why it no longer applies (a waiver must give a real reason).
 */
export async function resolveCondition(
  projectId: string,
  conditionId: string,
  input: { status: "MET" | "WAIVED"; resolution: string },
  context: AuditContext,
) {
  const resolution = input.resolution.trim();
  // The form checks the same rules; repeated here because the model is the last line.
  if (input.status === "WAIVED" && resolution.length < WAIVER_REASON_MIN)
    throw new DomainError(
      "Say why the condition is waived, in a sentence: the reason is shown publicly.",
      "resolution",
    );
  if (!resolution) throw new DomainError("Say how the condition was met.", "resolution");

  return prisma.$transaction(async (tx) => {
    const condition = await tx.condition.findFirst({
      where: { id: conditionId, projectId },
      select: { id: true, status: true },
    });
    if (!condition) throw new DomainError("That condition is not part of this project.", "conditionId", 404);
    const alreadyResolved = () =>
      new DomainError(
        `This condition is already ${CONDITION_STATUS_LABELS[condition.status].toLowerCase()}; only a pending condition can be resolved.`,
        "form",
        409,
      );
    if (condition.status !== "PENDING") throw alreadyResolved();
    const now = new Date();
    // The status in the WHERE clause makes two simultaneous resolutions resolve it once.
    const updated = await tx.condition.updateMany({
      where: { id: condition.id, status: "PENDING" },
      data: { status: input.status, resolution, resolvedById: context.actorId, resolvedAt: now },
    });
    if (updated.count === 0) throw alreadyResolved();
    await recordAudit(tx, context, {
      action: input.status === "MET" ? "condition.meet" : "condition.waive",
      entityType: "Condition",
      entityId: condition.id,
      before: { status: "PENDING" },
      after: { status: input.status, resolution },
    });
  });
}

/**
 * The pending conditions that forbid a stage move, most general first (holds, then permit
 * requirements, each oldest first). A hold stops every forward move (advance and approval);
 * a permit requirement stops only the advance into permits issued. Moves that are not forward
 * (pause, resume, rescind, deny, withdraw) are never blocked: a condition must not keep the
 * agency from stopping or refusing a project.
 */
export async function blockingConditions(tx: DbClient, projectId: string, move: { toStage: string; kind: string }) {
  const severities: ConditionSeverity[] = [];
  if (move.kind === "ADVANCE" || move.kind === "APPROVE") severities.push("HOLD");
  if (move.kind === "ADVANCE" && move.toStage === PERMITS_ISSUED_STAGE) severities.push("REQUIRED_BEFORE_PERMIT");
  if (severities.length === 0) return [];
  return tx.condition.findMany({
    where: { projectId, status: "PENDING", severity: { in: severities } },
    // Enum order puts HOLD before REQUIRED_BEFORE_PERMIT.
    orderBy: [{ severity: "asc" }, { createdAt: "asc" }, { id: "asc" }],
    select: { id: true, text: true, severity: true },
  });
}

/** The same check outside a transaction, for pages that explain a move before it is tried. */
export function pendingBlockers(projectId: string, move: { toStage: string; kind: string }) {
  return blockingConditions(prisma, projectId, move);
}
