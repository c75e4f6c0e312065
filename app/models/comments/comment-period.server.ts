// Comment periods: a lead agency opens one on a stage of a project's review, with the documents
// under review and a window stated in the agency's IANA time zone; it may extend it, or reopen it
// once closed. The window rules, the DST handling and the wording of refusals live in the pure
// ./comment-window module; this one adds the database: scoping, optimistic locking, and the
// change, its audit event and its outbox event in one transaction.
import type { Prisma } from "@prisma/client";
import { recordAudit, type AuditContext } from "~/services/audit.server";
import { prisma, type DbClient } from "~/services/db.server";
import { isValidTimeZone, type LocalDateTime } from "~/utils/zoned-time";
import {
  assertAcceptingComments,
  closesAtFromLocal,
  deadlineHistory,
  opensAtFromLocal,
  periodState,
  validateExtension,
  validateWindow,
  type ExtensionKind,
  type PeriodWindow,
  type Verdict,
} from "./comment-window";
import { ConflictError, DomainError } from "~/models/errors.server";
import { recordEvent } from "~/models/events/record.server";
import { DOCUMENT_PUBLICATION_SELECT, inDraft } from "~/models/package.server";
import { projectResource } from "~/models/project.server";
import { isStageOf, stageLabel } from "~/models/workflow";

const PERIOD_CONFLICT =
  "Someone changed this comment period since you opened the page. Reload to see the current deadline, then try again.";

export function periodWindow(period: { opensAt: Date; closesAt: Date; timeZone: string }): PeriodWindow {
  return { opensAt: period.opensAt, closesAt: period.closesAt, timeZone: period.timeZone };
}

/** The lead agency's zone, in which every deadline of the project is stated; null when unknown. */
export async function leadAgencyTimeZone(projectId: string): Promise<string | null> {
  const project = await prisma.project.findUnique({
    where: { id: projectId },
    select: { leadAgency: { select: { timeZone: true } } },
  });
  const zone = project?.leadAgency?.timeZone ?? null;
  return zone && isValidTimeZone(zone) ? zone : null;
}

export type OpenPeriodInput = {
  stage: string;
  title: string;
  description: string;
  opensAtLocal: LocalDateTime;
  closesAtLocal: LocalDateTime;
  allowAnonymous: boolean;
  documentIds: string[];
};

/** `now` judges whether the deadline has already passed and dates the event; tests pass a fixed instant. */
export async function openPeriod(projectId: string, input: OpenPeriodInput, context: AuditContext, now = new Date()) {
  if (!context.actorId) throw new DomainError("Please sign in to open a comment period.", "form", 401);
  const openedById = context.actorId;
  const project = await prisma.project.findUnique({
    where: { id: projectId },
    select: {
      id: true,
      slug: true,
      name: true,
      reviewTrack: true,
      status: true,
      leadAgency: { select: { name: true, timeZone: true } },
    },
  });
  if (!project) throw new DomainError("This project no longer exists.", "form", 404);
  if (project.status === "DENIED" || project.status === "WITHDRAWN") {
    throw new DomainError("The review of this project has ended: no comment period can be opened.", "form", 422);
  }
  if (!isStageOf(project.reviewTrack, input.stage)) {
    throw new DomainError("Choose a stage of this project's review.", "stage", 422);
  }
  const timeZone = project.leadAgency?.timeZone;
  // Without the agency's zone the deadline could not be stated or enforced as the notice says.
  if (!timeZone || !isValidTimeZone(timeZone)) {
    throw new DomainError(
      `${project.leadAgency?.name ?? "The lead agency"} has no valid time zone on record, so the deadline cannot be stated in its local time. Ask an administrator to set the agency's time zone first.`,
      "form",
      422,
    );
  }

  const window = {
    opensAt: opensAtFromLocal(input.opensAtLocal, timeZone),
    closesAt: closesAtFromLocal(input.closesAtLocal, timeZone),
    timeZone,
  };
  const verdict = validateWindow(window);
  if (!verdict.ok) throw new DomainError(verdict.reason, "closesAt", 422);
  // A deadline already past is almost always a mistyped year, and would announce a dead period.
  if (periodState(window, now) === "closed") {
    throw new DomainError("The closing date and time has already passed.", "closesAt", 422);
  }

  const documentIds = [...new Set(input.documentIds)];
  const documents = await prisma.document.findMany({
    where: { id: { in: documentIds }, projectId: project.id },
    select: { id: true, originalName: true, visibility: true, ...DOCUMENT_PUBLICATION_SELECT },
  });
  if (documents.length !== documentIds.length) {
    throw new DomainError("One of the chosen documents is not part of this project.", "documentIds", 422);
  }
  const draft = documents.find(inDraft);
  if (draft) {
    throw new DomainError(
      `“${draft.originalName}” belongs to a permit package the company has not submitted: documents under public review must be part of the public record.`,
      "documentIds",
      422,
    );
  }
  // The public is asked to comment on these, so every one of them must be readable by the public.
  const confidential = documents.find((d) => d.visibility !== "PUBLIC");
  if (confidential) {
    throw new DomainError(
      `“${confidential.originalName}” is confidential business information: documents under public review must be public. Remove it or publish a public version first.`,
      "documentIds",
      422,
    );
  }

  return prisma.$transaction(async (tx) => {
    const period = await tx.commentPeriod.create({
      data: {
        projectId: project.id,
        stage: input.stage,
        title: input.title,
        description: input.description,
        opensAt: window.opensAt,
        closesAt: window.closesAt,
        timeZone,
        allowAnonymous: input.allowAnonymous,
        openedById,
        documents: { create: documentIds.map((documentId) => ({ documentId })) },
      },
    });
    await recordAudit(tx, context, {
      action: "commentPeriod.open",
      entityType: "CommentPeriod",
      entityId: period.id,
      after: {
        projectId: project.id,
        stage: input.stage,
        title: input.title,
        opensAt: window.opensAt.toISOString(),
        closesAt: window.closesAt.toISOString(),
        timeZone,
        allowAnonymous: input.allowAnonymous,
        documentIds,
      },
    });
    // Outbox: the notification worker emails the project's followers from this row.
    await recordEvent(
      tx,
      "commentPeriod.opened",
      {
        projectId: project.id,
        slug: project.slug,
        name: project.name,
        periodId: period.id,
        title: period.title,
        stage: input.stage,
        stageLabel: stageLabel(project.reviewTrack, input.stage),
        opensAt: window.opensAt.toISOString(),
        closesAt: window.closesAt.toISOString(),
        timeZone,
        actorId: context.actorId,
      },
      { occurredAt: now },
    );
    return period;
  });
}

export type DeadlineChangeInput = {
  kind: ExtensionKind;
  newClosesAtLocal: LocalDateTime;
  reason: string;
  expectedLockVersion: number;
};

/** Which form field a refusal of validateExtension is about, so the message sits next to it. */
function extensionField(window: PeriodWindow, input: { kind: ExtensionKind; reason: string }, now: Date) {
  if (input.reason.trim() === "") return "reason";
  const closed = periodState(window, now) === "closed";
  return closed === (input.kind === "EXTEND") ? "kind" : "newClosesAt";
}

/** Extends an open or upcoming period, or reopens a closed one; judged at `now`. */
export async function changePeriodDeadline(
  periodId: string,
  input: DeadlineChangeInput,
  context: AuditContext,
  now = new Date(),
) {
  if (!context.actorId) throw new DomainError("Please sign in to change a deadline.", "form", 401);
  const changedById = context.actorId;
  return prisma.$transaction(async (tx) => {
    const period = await tx.commentPeriod.findUnique({
      where: { id: periodId },
      select: {
        id: true,
        title: true,
        opensAt: true,
        closesAt: true,
        timeZone: true,
        lockVersion: true,
        project: { select: { id: true, slug: true, name: true } },
      },
    });
    if (!period) throw new DomainError("This comment period no longer exists.", "form", 404);
    // Judging a proposal against a deadline someone else has since moved would mislead.
    if (period.lockVersion !== input.expectedLockVersion) throw new ConflictError(PERIOD_CONFLICT);

    const window = periodWindow(period);
    const newClosesAt = closesAtFromLocal(input.newClosesAtLocal, period.timeZone);
    const reason = input.reason.trim();
    const verdict = validateExtension(window, { newClosesAt, kind: input.kind, reason }, now);
    if (!verdict.ok) throw new DomainError(verdict.reason, extensionField(window, input, now), 422);

    // The lock version in the WHERE clause makes two simultaneous changes safe: the second matches no row.
    const updated = await tx.commentPeriod.updateMany({
      where: { id: period.id, lockVersion: input.expectedLockVersion },
      data: { closesAt: newClosesAt, lockVersion: { increment: 1 } },
    });
    if (updated.count === 0) throw new ConflictError(PERIOD_CONFLICT);

    const change = await tx.commentPeriodChange.create({
      data: {
        periodId: period.id,
        kind: input.kind,
        previousClosesAt: period.closesAt,
        newClosesAt,
        reason,
        changedById,
        changedAt: now,
      },
    });
    await recordAudit(tx, context, {
      action: input.kind === "EXTEND" ? "commentPeriod.extend" : "commentPeriod.reopen",
      entityType: "CommentPeriod",
      entityId: period.id,
      before: { closesAt: period.closesAt.toISOString(), lockVersion: input.expectedLockVersion },
      after: { closesAt: newClosesAt.toISOString(), lockVersion: input.expectedLockVersion + 1, reason },
    });
    await recordEvent(
      tx,
      input.kind === "EXTEND" ? "commentPeriod.extended" : "commentPeriod.reopened",
      {
        projectId: period.project.id,
        slug: period.project.slug,
        name: period.project.name,
        periodId: period.id,
        title: period.title,
        changeId: change.id,
        kind: input.kind,
        previousClosesAt: period.closesAt.toISOString(),
        closesAt: newClosesAt.toISOString(),
        timeZone: period.timeZone,
        reason,
        actorId: context.actorId,
      },
      { occurredAt: now },
    );
    return { change, lockVersion: input.expectedLockVersion + 1 };
  });
}

/** What every public surface shows of a comment period itself (pages, the API, open data, CEQ). */
export const PUBLIC_PERIOD_FIELDS = {
  id: true,
  stage: true,
  title: true,
  description: true,
  opensAt: true,
  closesAt: true,
  timeZone: true,
  allowAnonymous: true,
} satisfies Prisma.CommentPeriodSelect;

const publishedComments = { comments: { where: { status: "PUBLISHED" as const } } };

/** One period with what its public page shows and what the policy needs about its project. */
export async function getPeriod(periodId: string) {
  const period = await prisma.commentPeriod.findUnique({
    where: { id: periodId },
    select: {
      ...PUBLIC_PERIOD_FIELDS,
      lockVersion: true,
      createdAt: true,
      project: {
        select: {
          id: true,
          slug: true,
          name: true,
          reviewTrack: true,
          companyId: true,
          leadAgencyId: true,
          leadAgency: { select: { name: true } },
          status: true,
          cooperatingAgencies: { select: { agency: { select: { id: true } } } },
        },
      },
      documents: {
        orderBy: { document: { originalName: "asc" } },
        select: { document: { select: { id: true, originalName: true, sizeBytes: true } } },
      },
      changes: {
        orderBy: { changedAt: "asc" },
        select: { id: true, kind: true, previousClosesAt: true, newClosesAt: true, reason: true, changedAt: true },
      },
      _count: { select: publishedComments },
    },
  });
  if (!period) return null;
  const { project, documents, changes, _count, ...rest } = period;
  const resource = projectResource(project);
  return {
    ...rest,
    project: {
      id: project.id,
      slug: project.slug,
      name: project.name,
      reviewTrack: project.reviewTrack,
      leadAgency: project.leadAgency,
      ...resource,
    },
    resource,
    documents: documents.map(({ document }) => ({
      id: document.id,
      name: document.originalName,
      size: document.sizeBytes,
    })),
    changes,
    // The first change remembers the deadline the period was opened with.
    history: deadlineHistory(
      changes[0]?.previousClosesAt ?? period.closesAt,
      changes.map((c) => ({
        kind: c.kind,
        previousClosesAt: c.previousClosesAt,
        newClosesAt: c.newClosesAt,
        reason: c.reason,
        at: c.changedAt,
      })),
    ),
    publishedCommentCount: _count.comments,
  };
}

export type PeriodPage = NonNullable<Awaited<ReturnType<typeof getPeriod>>>;

/** A project's periods, latest first, with their published comment counts. */
export async function listProjectPeriods(projectId: string) {
  const periods = await prisma.commentPeriod.findMany({
    where: { projectId },
    orderBy: [{ opensAt: "desc" }, { createdAt: "desc" }],
    select: {
      id: true,
      stage: true,
      title: true,
      opensAt: true,
      closesAt: true,
      timeZone: true,
      allowAnonymous: true,
      _count: { select: publishedComments },
    },
  });
  return periods.map(({ _count, ...period }) => ({ ...period, publishedCommentCount: _count.comments }));
}

/** Every period taking comments at `now`, closing soonest first: what the home page invites comment on. */
export async function listOpenPeriods(now: Date) {
  const periods = await prisma.commentPeriod.findMany({
    where: { opensAt: { lte: now }, closesAt: { gt: now } },
    orderBy: [{ closesAt: "asc" }, { id: "asc" }],
    take: 20,
    select: {
      id: true,
      title: true,
      closesAt: true,
      timeZone: true,
      project: { select: { slug: true, name: true, isTraining: true } },
      _count: { select: publishedComments },
    },
  });
  return periods.map(({ _count, ...period }) => ({ ...period, publishedCommentCount: _count.comments }));
}

/**
 * Whether the period takes comments at `now`, with the refusal worded for the commenter. The intake
 * passes its transaction client to re-check inside the transaction that inserts the comment.
 */
export async function acceptingComments(periodId: string, now: Date, db: DbClient = prisma): Promise<Verdict> {
  const period = await db.commentPeriod.findUnique({
    where: { id: periodId },
    select: { opensAt: true, closesAt: true, timeZone: true },
  });
  if (!period) return { ok: false, reason: "There is no comment period at this address." };
  return assertAcceptingComments(periodWindow(period), now);
}
