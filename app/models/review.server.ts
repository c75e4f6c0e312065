// Environmental reviews: the lead agency opens one per resource area, conducted by itself or a
// cooperating agency, and assigns reviewers from those agencies. Every change writes its audit
// event in the same transaction.
import type { ResourceArea, ReviewStatus } from "@prisma/client";
import type { ProjectResource, ReviewResource } from "~/policy";
import { recordAudit, type AuditContext } from "~/services/audit.server";
import { prisma, type DbClient } from "~/services/db.server";
import { CONDITION_SELECT } from "./condition.server";
import { DOCUMENT_PUBLICATION_SELECT } from "./package.server";
import { ConflictError, DomainError } from "./errors.server";
import { recordEvent } from "./events/record.server";

const REVIEW_CONFLICT =
  "Someone changed this review since you opened the page. Reload to see the latest version, then try again.";

/** The agencies with a part in the project's review: the lead and the cooperating agencies. */
async function reviewingAgencyIds(db: DbClient, projectId: string): Promise<string[] | null> {
  const project = await db.project.findUnique({
    where: { id: projectId },
    select: { leadAgencyId: true, cooperatingAgencies: { select: { agencyId: true } } },
  });
  if (!project) return null;
  const ids = project.cooperatingAgencies.map((c) => c.agencyId);
  return project.leadAgencyId ? [project.leadAgencyId, ...ids] : ids;
}

async function findReview(db: DbClient, reviewId: string) {
  const review = await db.environmentalReview.findUnique({
    where: { id: reviewId },
    select: { id: true, projectId: true, status: true, findings: true, completedAt: true, lockVersion: true },
  });
  if (!review) throw new DomainError("This review no longer exists.", "form", 404);
  return review;
}

/** The policy's view of a review: its project plus who conducts it and who is assigned. */
export function reviewResource(
  project: ProjectResource,
  review: { agencyId: string; status: ReviewStatus; assignments: { user: { id: string } }[] },
): ReviewResource {
  return {
    ...project,
    reviewAgencyId: review.agencyId,
    assignedUserIds: review.assignments.map((a) => a.user.id),
    complete: review.status === "COMPLETE",
  };
}

export function listReviews(projectId: string) {
  return prisma.environmentalReview.findMany({
    where: { projectId },
    orderBy: [{ resourceArea: "asc" }, { openedAt: "asc" }],
    select: {
      id: true,
      resourceArea: true,
      title: true,
      status: true,
      openedAt: true,
      completedAt: true,
      agency: { select: { id: true, name: true } },
      assignments: { orderBy: { assignedAt: "asc" }, select: { user: { select: { id: true, name: true } } } },
      _count: { select: { documents: true, conditions: true } },
    },
  });
}

/** One review, only when it belongs to the project named in the URL. */
export function getReview(projectId: string, reviewId: string) {
  return prisma.environmentalReview.findFirst({
    where: { id: reviewId, projectId },
    select: {
      id: true,
      resourceArea: true,
      title: true,
      status: true,
      findings: true,
      openedAt: true,
      completedAt: true,
      lockVersion: true,
      agencyId: true,
      agency: { select: { name: true } },
      assignments: {
        orderBy: { assignedAt: "asc" },
        select: { assignedAt: true, user: { select: { id: true, name: true } } },
      },
      documents: {
        orderBy: { document: { uploadedAt: "asc" } },
        select: {
          document: {
            select: {
              id: true,
              originalName: true,
              sizeBytes: true,
              visibility: true,
              uploadedAt: true,
              ...DOCUMENT_PUBLICATION_SELECT,
            },
          },
        },
      },
      conditions: { orderBy: [{ status: "asc" }, { createdAt: "asc" }], select: CONDITION_SELECT },
    },
  });
}

/** Staff of the lead and cooperating agencies: the people a review may be assigned to. */
export async function listAssignableReviewers(projectId: string) {
  const agencyIds = (await reviewingAgencyIds(prisma, projectId)) ?? [];
  const inAgencies = { organizationId: { in: agencyIds }, organization: { kind: "AGENCY" as const } };
  const users = await prisma.user.findMany({
    where: { memberships: { some: inAgencies } },
    orderBy: { name: "asc" },
    select: {
      id: true,
      name: true,
      memberships: { where: inAgencies, select: { organization: { select: { name: true } } } },
    },
  });
  return users.map((u) => ({ id: u.id, name: u.name, agencies: u.memberships.map((m) => m.organization.name) }));
}

/** The project's documents this review does not rest on yet, for the attach form. */
export function listAttachableDocuments(projectId: string, reviewId: string) {
  return prisma.document.findMany({
    where: { projectId, reviews: { none: { reviewId } } },
    orderBy: { uploadedAt: "desc" },
    select: { id: true, originalName: true, sizeBytes: true, visibility: true },
  });
}

export async function openReview(
  projectId: string,
  input: { agencyId: string; resourceArea: ResourceArea; title: string },
  context: AuditContext,
) {
  return prisma.$transaction(async (tx) => {
    const agencyIds = await reviewingAgencyIds(tx, projectId);
    if (!agencyIds) throw new DomainError("This project no longer exists.", "form", 404);
    if (!agencyIds.includes(input.agencyId)) {
      throw new DomainError(
        "Only the lead agency or a cooperating agency of this project can conduct one of its reviews. Add the agency as cooperating first.",
        "agencyId",
        422,
      );
    }
    const review = await tx.environmentalReview.create({
      data: { projectId, agencyId: input.agencyId, resourceArea: input.resourceArea, title: input.title },
    });
    await recordAudit(tx, context, {
      action: "review.open",
      entityType: "EnvironmentalReview",
      entityId: review.id,
      after: { projectId, agencyId: input.agencyId, resourceArea: input.resourceArea, title: input.title },
    });
    return review;
  });
}

export async function assignReviewer(reviewId: string, userId: string, context: AuditContext) {
  return prisma.$transaction(async (tx) => {
    const review = await findReview(tx, reviewId);
    const agencyIds = (await reviewingAgencyIds(tx, review.projectId)) ?? [];
    const user = await tx.user.findUnique({
      where: { id: userId },
      select: {
        name: true,
        memberships: {
          where: { organizationId: { in: agencyIds }, organization: { kind: "AGENCY" } },
          select: { organizationId: true },
        },
      },
    });
    if (!user) throw new DomainError("That person has no Lodestone account.", "userId", 404);
    if (user.memberships.length === 0) {
      throw new DomainError(
        `${user.name} is not on the staff of the lead agency or of a cooperating agency of this project, so they cannot review it.`,
        "userId",
        422,
      );
    }
    // skipDuplicates makes a double submission (or two at once) one assignment, then says so.
    const created = await tx.reviewAssignment.createMany({ data: [{ reviewId, userId }], skipDuplicates: true });
    if (created.count === 0) throw new DomainError(`${user.name} is already assigned to this review.`, "userId", 409);
    await recordAudit(tx, context, {
      action: "review.assign",
      entityType: "EnvironmentalReview",
      entityId: reviewId,
      after: { userId },
    });
    // Outbox: the assignee is told by the notification worker.
    const project = await tx.project.findUniqueOrThrow({
      where: { id: review.projectId },
      select: { id: true, slug: true, name: true },
    });
    const details = await tx.environmentalReview.findUniqueOrThrow({
      where: { id: reviewId },
      select: { title: true },
    });
    await recordEvent(tx, "review.assigned", {
      projectId: project.id,
      slug: project.slug,
      name: project.name,
      reviewId,
      title: details.title,
      assigneeId: userId,
      actorId: context.actorId,
    });
  });
}

export async function unassignReviewer(reviewId: string, userId: string, context: AuditContext) {
  return prisma.$transaction(async (tx) => {
    await findReview(tx, reviewId);
    const removed = await tx.reviewAssignment.deleteMany({ where: { reviewId, userId } });
    if (removed.count === 0) throw new DomainError("That person is not assigned to this review.", "userId", 404);
    await recordAudit(tx, context, {
      action: "review.unassign",
      entityType: "EnvironmentalReview",
      entityId: reviewId,
      before: { userId },
    });
  });
}

/**
 * Sets the status and findings. completedAt records when the review first became complete (kept
 * while its findings are corrected) and is cleared when the review is reopened.
 */
export async function updateReview(
  reviewId: string,
  expectedLockVersion: number,
  input: { status: ReviewStatus; findings: string },
  context: AuditContext,
) {
  const findings = input.findings.trim();
  if (input.status === "COMPLETE" && !findings)
    throw new DomainError("A complete review states its findings: they are published with it.", "findings");
  return prisma.$transaction(async (tx) => {
    const before = await findReview(tx, reviewId);
    if (before.lockVersion !== expectedLockVersion) throw new ConflictError(REVIEW_CONFLICT);
    if (before.status === input.status && before.findings === findings)
      throw new DomainError("Nothing to save: the status and findings are as they were.");
    const completedAt = input.status === "COMPLETE" ? (before.completedAt ?? new Date()) : null;
    // The lock version in the WHERE clause makes the second of two simultaneous saves match no row.
    const updated = await tx.environmentalReview.updateMany({
      where: { id: reviewId, lockVersion: expectedLockVersion },
      data: { status: input.status, findings, completedAt, lockVersion: { increment: 1 } },
    });
    if (updated.count === 0) throw new ConflictError(REVIEW_CONFLICT);
    await recordAudit(tx, context, {
      action: "review.update",
      entityType: "EnvironmentalReview",
      entityId: reviewId,
      before: { status: before.status, findings: before.findings, lockVersion: expectedLockVersion },
      after: {
        status: input.status,
        findings,
        completedAt: completedAt?.toISOString() ?? null,
        lockVersion: expectedLockVersion + 1,
      },
    });
    return { lockVersion: expectedLockVersion + 1, completedAt };
  });
}

/** Records the documents a review rests on; they must be documents of the review's project. */
export async function attachDocumentsToReview(reviewId: string, documentIds: string[], context: AuditContext) {
  const ids = [...new Set(documentIds)];
  if (ids.length === 0) throw new DomainError("Choose at least one document.", "documentIds");
  return prisma.$transaction(async (tx) => {
    const review = await findReview(tx, reviewId);
    const found = await tx.document.count({ where: { id: { in: ids }, projectId: review.projectId } });
    if (found !== ids.length)
      throw new DomainError("Only documents of this project can support its reviews.", "documentIds", 422);
    const created = await tx.reviewDocument.createMany({
      data: ids.map((documentId) => ({ reviewId, documentId })),
      skipDuplicates: true,
    });
    await recordAudit(tx, context, {
      action: "review.attachDocuments",
      entityType: "EnvironmentalReview",
      entityId: reviewId,
      after: { documentIds: ids },
    });
    return { attached: created.count };
  });
}
