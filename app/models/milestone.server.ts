// Milestones and their schedule: targets move only with a reason code and a narrative, and
// every move is kept in the public history.
import type { DateChangeReason, DatePrecision, Jurisdiction, Prisma } from "@prisma/client";
import { recordAudit, type AuditContext } from "~/services/audit.server";
import { prisma } from "~/services/db.server";
import { slugify } from "~/utils/slug";
import { DomainError } from "./errors.server";
import { recordEvent } from "./events/record.server";
import { queueSavedSearchCheck } from "./saved-search.server";

const toIso = (date: Date | null) => (date ? date.toISOString().slice(0, 10) : null);

/** What every public surface shows of a milestone (pages, the API, open data, the CEQ export). */
export const PUBLIC_MILESTONE_SELECT = {
  id: true,
  key: true,
  name: true,
  jurisdiction: true,
  authority: true,
  baselineDate: true,
  targetDate: true,
  actualDate: true,
  datePrecision: true,
  note: true,
  sourceUrl: true,
  agency: { select: { name: true } },
} satisfies Prisma.MilestoneSelect;

/** What every public surface shows of a target date's move (never who moved it). */
export const PUBLIC_DATE_CHANGE_FIELDS = {
  id: true,
  previousDate: true,
  newDate: true,
  reason: true,
  narrative: true,
  sourceUrl: true,
  changedAt: true,
} satisfies Prisma.MilestoneDateChangeSelect;

export function listMilestones(projectId: string) {
  return prisma.milestone.findMany({
    where: { projectId },
    orderBy: [{ sortOrder: "asc" }, { createdAt: "asc" }],
    select: PUBLIC_MILESTONE_SELECT,
  });
}

export function listDateChanges(projectId: string) {
  return prisma.milestoneDateChange.findMany({
    where: { milestone: { projectId } },
    orderBy: { changedAt: "desc" },
    select: {
      ...PUBLIC_DATE_CHANGE_FIELDS,
      changedBy: { select: { name: true } },
      milestone: { select: { name: true, datePrecision: true } },
    },
  });
}

export function listPauses(projectId: string) {
  return prisma.projectPause.findMany({
    where: { projectId },
    orderBy: { startedAt: "desc" },
    select: { id: true, reason: true, summary: true, expectedLiftDate: true, startedAt: true, liftedAt: true },
  });
}

export type NewMilestone = {
  name: string;
  jurisdiction: Jurisdiction;
  agencyId?: string;
  authority?: string;
  baselineDate?: Date;
  targetDate?: Date;
  datePrecision: DatePrecision;
  sourceUrl?: string;
};

export async function addMilestone(projectId: string, input: NewMilestone, context: AuditContext) {
  return prisma.$transaction(async (tx) => {
    const last = await tx.milestone.aggregate({ where: { projectId }, _max: { sortOrder: true } });
    let key = slugify(input.name).replace(/-/g, "_").slice(0, 60) || "milestone";
    if (await tx.milestone.findUnique({ where: { projectId_key: { projectId, key } } }))
      key = `${key}_${Date.now().toString(36)}`;
    const milestone = await tx.milestone.create({
      data: {
        projectId,
        key,
        name: input.name,
        jurisdiction: input.jurisdiction,
        agencyId: input.agencyId ?? null,
        authority: input.authority ?? null,
        // A new milestone's first target is its baseline unless a separate baseline is given.
        baselineDate: input.baselineDate ?? input.targetDate ?? null,
        targetDate: input.targetDate ?? null,
        datePrecision: input.datePrecision,
        sourceUrl: input.sourceUrl ?? null,
        sortOrder: (last._max.sortOrder ?? 0) + 10,
      },
    });
    const project = await tx.project.findUniqueOrThrow({
      where: { id: projectId },
      select: { slug: true, name: true },
    });
    await recordEvent(tx, "milestone.added", {
      projectId,
      slug: project.slug,
      name: project.name,
      milestoneId: milestone.id,
      milestoneName: milestone.name,
      baselineDate: toIso(milestone.baselineDate),
      targetDate: toIso(milestone.targetDate),
      datePrecision: milestone.datePrecision,
      actorId: context.actorId,
    });
    await recordAudit(tx, context, {
      action: "milestone.create",
      entityType: "Milestone",
      entityId: milestone.id,
      after: {
        projectId,
        name: milestone.name,
        baselineDate: toIso(milestone.baselineDate),
        targetDate: toIso(milestone.targetDate),
      },
    });
    await queueSavedSearchCheck(tx, projectId);
    return milestone;
  });
}

/**
 * Moves a milestone's current target. The baseline never moves: the gap between the two is
 * the public measure of slip. Refused when the target is unchanged or the milestone is done.
 */
export async function changeTargetDate(
  input: { projectId: string; milestoneId: string; newDate: Date; reason: DateChangeReason; narrative: string },
  context: AuditContext,
) {
  return prisma.$transaction(async (tx) => {
    const milestone = await tx.milestone.findFirst({
      where: { id: input.milestoneId, projectId: input.projectId },
      select: {
        id: true,
        name: true,
        targetDate: true,
        actualDate: true,
        datePrecision: true,
        project: { select: { id: true, slug: true, name: true } },
      },
    });
    if (!milestone) throw new DomainError("That milestone is not part of this project.", "milestoneId", 404);
    if (milestone.actualDate)
      throw new DomainError("This milestone is already complete; correct its actual date instead.", "newDate");
    if (toIso(milestone.targetDate) === toIso(input.newDate))
      throw new DomainError("That is already the target date.", "newDate");

    // Row lock: two edits to one milestone apply one after the other, each recorded.
    await tx.$queryRaw`select id from "Milestone" where id = ${milestone.id} for update`;
    const change = await tx.milestoneDateChange.create({
      data: {
        milestoneId: milestone.id,
        previousDate: milestone.targetDate,
        newDate: input.newDate,
        reason: input.reason,
        narrative: input.narrative,
        changedById: context.actorId,
      },
    });
    await tx.milestone.update({ where: { id: milestone.id }, data: { targetDate: input.newDate } });
    await tx.project.update({ where: { id: input.projectId }, data: { updatedAt: new Date() } });
    await recordAudit(tx, context, {
      action: "milestone.changeTarget",
      entityType: "Milestone",
      entityId: milestone.id,
      before: { targetDate: toIso(milestone.targetDate) },
      after: { targetDate: toIso(input.newDate), reason: input.reason, narrative: input.narrative },
    });
    await recordEvent(tx, "milestone.dateChanged", {
      projectId: milestone.project.id,
      slug: milestone.project.slug,
      name: milestone.project.name,
      milestoneId: milestone.id,
      milestoneName: milestone.name,
      previousDate: toIso(milestone.targetDate),
      newDate: toIso(input.newDate),
      datePrecision: milestone.datePrecision,
      reason: input.reason,
      narrative: input.narrative,
      dateChangeId: change.id,
      actorId: context.actorId,
    });
    await queueSavedSearchCheck(tx, input.projectId);
    return change;
  });
}

/** Records that a milestone happened (or corrects the date it happened). */
export async function recordActualDate(
  input: { projectId: string; milestoneId: string; actualDate: Date },
  context: AuditContext,
) {
  return prisma.$transaction(async (tx) => {
    const milestone = await tx.milestone.findFirst({
      where: { id: input.milestoneId, projectId: input.projectId },
      select: { id: true, name: true, actualDate: true, project: { select: { slug: true, name: true } } },
    });
    if (!milestone) throw new DomainError("That milestone is not part of this project.", "milestoneId", 404);
    await tx.milestone.update({ where: { id: milestone.id }, data: { actualDate: input.actualDate } });
    await recordAudit(tx, context, {
      action: "milestone.recordActual",
      entityType: "Milestone",
      entityId: milestone.id,
      before: { actualDate: toIso(milestone.actualDate) },
      after: { actualDate: toIso(input.actualDate) },
    });
    await recordEvent(tx, "milestone.actualDateRecorded", {
      projectId: input.projectId,
      slug: milestone.project.slug,
      name: milestone.project.name,
      milestoneId: milestone.id,
      milestoneName: milestone.name,
      previousActualDate: toIso(milestone.actualDate),
      actualDate: toIso(input.actualDate) ?? input.actualDate.toISOString().slice(0, 10),
      actorId: context.actorId,
    });
    await queueSavedSearchCheck(tx, input.projectId);
  });
}
