// Reports and moderation of public comments, after Decidim: anyone signed in reports a comment once;
// enough reports from settled accounts (report-weight.ts) hide it pending review and tell the lead
// agency's moderators at once; the author may ask for a review; the lead agency's staff publish, hide
// (with a reason, reported or not) or restore it, one comment or many at a time. Every change is a ModerationAction, the public log
// (what, when, why; never the hidden text), written in the transaction that makes the change.
import { Prisma, type ModerationKind, type ReportReason } from "@prisma/client";
import { env } from "~/env.server";
import { recordAudit, type AuditContext } from "~/services/audit.server";
import { prisma } from "~/services/db.server";
import { DomainError } from "~/models/errors.server";
import { recordEvent } from "~/models/events/record.server";
import { reportWeight, SIGNUP_BURST_WINDOW_MINUTES } from "~/models/report-weight";

/** Reports that hide a comment until a moderator looks at it (COMMENT_AUTO_HIDE_REPORTS). */
export const AUTO_HIDE_THRESHOLD = env().COMMENT_AUTO_HIDE_REPORTS;

export type ReportInput = { reason: ReportReason; note?: string; periodId?: string };

/**
 * One report per person per comment (a unique index; the second says so). `reportCount` counts the
 * reports since a moderator last decided on the comment, so a comment restored by a moderator is
 * hidden again only by that many new reports; `hidingReportCount` counts only those from accounts
 * whose reports may hide a comment (verified, old enough, not made in a burst). The others are
 * recorded and shown to moderators all the same.
 */
export async function reportComment(
  commentId: string,
  reporterId: string,
  input: ReportInput,
  context: AuditContext = { actorId: reporterId, requestId: null },
) {
  try {
    return await prisma.$transaction(async (tx) => {
      const comment = await tx.comment.findUnique({
        where: { id: commentId },
        select: { id: true, periodId: true, receiptNumber: true, period: { select: { projectId: true } } },
      });
      if (!comment || (input.periodId && comment.periodId !== input.periodId)) {
        throw new DomainError("This comment does not exist.", "form", 404);
      }
      const existing = await tx.commentReport.findUnique({
        where: { commentId_reporterId: { commentId, reporterId } },
        select: { id: true },
      });
      if (existing) throw alreadyReported();
      const now = new Date();
      const weight = reportWeight(await reporterStanding(tx, reporterId), now);
      await tx.commentReport.create({
        data: {
          commentId,
          reporterId,
          reason: input.reason,
          note: input.note?.trim() ?? "",
          countsTowardHide: weight.counts,
        },
      });
      // The increment takes the row lock, so simultaneous reports cross the threshold exactly once.
      const updated = await tx.comment.update({
        where: { id: commentId },
        data: { reportCount: { increment: 1 }, hidingReportCount: { increment: weight.counts ? 1 : 0 } },
        select: { reportCount: true, hidingReportCount: true, status: true },
      });
      await recordAudit(tx, context, {
        action: "comment.report",
        entityType: "Comment",
        entityId: commentId,
        after: {
          reason: input.reason,
          reportCount: updated.reportCount,
          countsTowardHide: weight.counts,
          ...(weight.counts ? {} : { notCountedBecause: weight.because }),
        },
      });
      const autoHidden =
        weight.counts && updated.status === "PUBLISHED" && updated.hidingReportCount >= AUTO_HIDE_THRESHOLD;
      if (autoHidden) {
        const reason = `Hidden automatically after ${updated.hidingReportCount} reports, pending review`;
        await tx.comment.update({ where: { id: commentId }, data: { status: "PENDING_REVIEW" } });
        await tx.moderationAction.create({
          data: { periodId: comment.periodId, commentId, kind: "AUTO_HIDE", reason, actorId: null },
        });
        await recordAudit(
          tx,
          { actorId: null, requestId: context.requestId },
          {
            action: "comment.autoHide",
            entityType: "Comment",
            entityId: commentId,
            before: { status: "PUBLISHED" },
            after: { status: "PENDING_REVIEW", reason },
          },
        );
        // Dispatched at once to the lead agency's moderators (COMMENT_AUTO_HIDDEN notifications).
        await recordEvent(tx, "comment.autoHidden", {
          projectId: comment.period.projectId,
          periodId: comment.periodId,
          commentId,
          receiptNumber: comment.receiptNumber,
          reportCount: updated.hidingReportCount,
        });
      }
      return { reportCount: updated.reportCount, autoHidden, counted: weight.counts };
    });
  } catch (error) {
    // Two simultaneous reports by one person: the unique index refuses the second.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") throw alreadyReported();
    throw error;
  }
}

/** What report-weight.ts needs to know about a reporter, including how many accounts came from their block around then. */
async function reporterStanding(tx: Prisma.TransactionClient, reporterId: string) {
  const reporter = await tx.user.findUniqueOrThrow({
    where: { id: reporterId },
    select: { emailVerifiedAt: true, createdAt: true, signupNetwork: true },
  });
  const windowMs = SIGNUP_BURST_WINDOW_MINUTES * 60_000;
  const accountsFromSameNetwork = reporter.signupNetwork
    ? await tx.user.count({
        where: {
          signupNetwork: reporter.signupNetwork,
          createdAt: {
            gte: new Date(reporter.createdAt.getTime() - windowMs),
            lte: new Date(reporter.createdAt.getTime() + windowMs),
          },
        },
      })
    : 1;
  return { ...reporter, accountsFromSameNetwork };
}

const alreadyReported = () => new DomainError("You already reported this comment.", "form", 409);

export type ModeratorKind = Exclude<ModerationKind, "AUTO_HIDE">;

/**
 * The transitions a moderator may make (AUTO_HIDE is the system's, from PUBLISHED to PENDING_REVIEW):
 *   PUBLISH  PENDING_REVIEW → PUBLISHED  the reports were unfounded
 *   HIDE     PUBLISHED or PENDING_REVIEW → HIDDEN, with a public reason
 *   RESTORE  HIDDEN → PUBLISHED          a moderator undoes a hide
 * Anything else (publishing a published comment, restoring one that is pending) is refused, so the
 * log never records a change that did not happen.
 */
export const MODERATION_TRANSITIONS = {
  PUBLISH: { from: ["PENDING_REVIEW"], to: "PUBLISHED" },
  HIDE: { from: ["PUBLISHED", "PENDING_REVIEW"], to: "HIDDEN" },
  RESTORE: { from: ["HIDDEN"], to: "PUBLISHED" },
} as const satisfies Record<ModeratorKind, { from: readonly string[]; to: string }>;

export async function moderate(
  periodId: string,
  commentIds: string[],
  input: { kind: ModeratorKind; reason?: string },
  context: AuditContext,
) {
  const ids = [...new Set(commentIds)];
  if (ids.length === 0) throw new DomainError("Select at least one comment.", "commentIds");
  const reason = input.reason?.trim() ?? "";
  if (input.kind === "HIDE" && !reason) {
    throw new DomainError("Say why the comments are hidden: the reason is shown in the public log.", "reason");
  }
  const transition = MODERATION_TRANSITIONS[input.kind];
  return prisma.$transaction(async (tx) => {
    // Locked so a report arriving meanwhile cannot auto-hide a comment being published.
    const comments = await tx.$queryRaw<{ id: string; receiptNumber: string; status: string }[]>`
      select id, "receiptNumber", status::text as status from "Comment"
      where "periodId" = ${periodId} and id in (${Prisma.join(ids)})
      order by id
      for update`;
    if (comments.length !== ids.length) {
      throw new DomainError("Some of the selected comments are not in this comment period.", "commentIds", 404);
    }
    const stuck = comments.filter((c) => !(transition.from as readonly string[]).includes(c.status));
    if (stuck.length > 0) {
      const receipts = stuck.map((c) => c.receiptNumber).join(", ");
      throw new DomainError(
        `${KIND_VERBS[input.kind]} applies only to comments that are ${transition.from
          .map((s) => STATUS_WORDS[s])
          .join(" or ")}; not to ${receipts}. Nothing was changed.`,
        "kind",
        422,
      );
    }
    // Every moderator decision closes the reports so far (Decidim's "unreport").
    await tx.comment.updateMany({
      where: { id: { in: ids } },
      data: { status: transition.to, reportCount: 0, hidingReportCount: 0 },
    });
    const now = new Date();
    await tx.moderationAction.createMany({
      data: ids.map((commentId) => ({
        periodId,
        commentId,
        kind: input.kind,
        reason,
        actorId: context.actorId,
        createdAt: now,
      })),
    });
    const { projectId } = await tx.commentPeriod.findUniqueOrThrow({
      where: { id: periodId },
      select: { projectId: true },
    });
    for (const comment of comments) {
      await recordEvent(tx, "comment.moderated", {
        projectId,
        periodId,
        commentId: comment.id,
        receiptNumber: comment.receiptNumber,
        kind: input.kind,
        reason,
        actorId: context.actorId,
      });
      await recordAudit(tx, context, {
        action: `comment.${input.kind.toLowerCase()}`,
        entityType: "Comment",
        entityId: comment.id,
        before: { status: comment.status },
        after: { status: transition.to, reason },
      });
    }
    return { count: ids.length, status: transition.to };
  });
}

/**
 * Hides one comment a moderator found by its receipt number, whether or not anyone reported it
 * (the queue lists only reported comments). The reason goes to the public log like any hide.
 */
export async function hideCommentByReceipt(
  periodId: string,
  receiptNumber: string,
  reason: string,
  context: AuditContext,
) {
  const comment = await prisma.comment.findFirst({
    where: { periodId, receiptNumber: receiptNumber.trim().toUpperCase() },
    select: { id: true },
  });
  if (!comment)
    throw new DomainError("No comment in this comment period has that receipt number.", "receiptNumber", 404);
  return moderate(periodId, [comment.id], { kind: "HIDE", reason }, context);
}

/**
 * The author of a hidden comment asks the moderators to look again. One open request per comment
 * (open until the next moderator decision); the queue shows it first among the hidden. Who may ask
 * is the policy's "comment.requestReview"; the caller checks it.
 */
export async function requestCommentReview(
  commentId: string,
  input: { note: string; requesterId: string | null },
  context: AuditContext,
) {
  return prisma.$transaction(async (tx) => {
    const [comment] = await tx.$queryRaw<{ id: string; status: string }[]>`
      select id, status::text as status from "Comment" where id = ${commentId} for update`;
    if (!comment) throw new DomainError("This comment does not exist.", "form", 404);
    if (comment.status === "PUBLISHED") {
      throw new DomainError("This comment is published: there is nothing to review.", "form", 409);
    }
    const open = await openReviewRequest(tx, commentId);
    if (open) {
      throw new DomainError("A review was already requested; the moderators will see it in their queue.", "form", 409);
    }
    const request = await tx.commentReviewRequest.create({
      data: { commentId, requesterId: input.requesterId, note: input.note.trim().slice(0, 2000) },
      select: { id: true, createdAt: true },
    });
    await recordAudit(tx, context, {
      action: "comment.requestReview",
      entityType: "Comment",
      entityId: commentId,
      after: { status: comment.status },
    });
    return request;
  });
}

/** The review request made since the last moderator decision on the comment, if any. */
export async function openReviewRequest(db: Prisma.TransactionClient | typeof prisma, commentId: string) {
  const decided = await db.moderationAction.findFirst({
    where: { commentId, kind: { not: "AUTO_HIDE" } },
    orderBy: { createdAt: "desc" },
    select: { createdAt: true },
  });
  return db.commentReviewRequest.findFirst({
    where: { commentId, ...(decided ? { createdAt: { gt: decided.createdAt } } : {}) },
    orderBy: { createdAt: "desc" },
    select: { id: true, createdAt: true, note: true },
  });
}

/**
 * What the author of a hidden comment is told on its receipt page: why it is hidden (the last
 * entry of the public log) and whether a review request is waiting.
 */
export async function hiddenCommentStanding(commentId: string) {
  const [lastAction, openRequest] = await Promise.all([
    prisma.moderationAction.findFirst({
      where: { commentId },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      select: { kind: true, reason: true, createdAt: true },
    }),
    openReviewRequest(prisma, commentId),
  ]);
  return { lastAction, openRequest };
}

/** The signed-in reader's own hidden comments in a period, so the reading page can point to their receipts. */
export function hiddenCommentsOf(periodId: string, userId: string) {
  return prisma.comment.findMany({
    where: { periodId, userId, status: { not: "PUBLISHED" } },
    orderBy: { submittedAt: "asc" },
    select: { receiptNumber: true, status: true },
  });
}

const KIND_VERBS: Record<ModeratorKind, string> = { PUBLISH: "Publish", HIDE: "Hide", RESTORE: "Restore" };
const STATUS_WORDS: Record<string, string> = {
  PUBLISHED: "published",
  PENDING_REVIEW: "pending review",
  HIDDEN: "hidden",
};

// Columns are UTC timestamps without a zone: JSON gets them with the Z, or Date would read local time.
const ISO_UTC = (alias: "r" | "m" | "q") =>
  Prisma.raw(`to_char(${alias}."createdAt", 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`);

type ReportNote = { reason: ReportReason; note: string; createdAt: string };

type QueueRow = {
  id: string;
  receiptNumber: string;
  displayName: string;
  submitterType: string;
  text: string;
  status: "PUBLISHED" | "HIDDEN" | "PENDING_REVIEW";
  submittedAt: Date;
  reportCount: number;
  reasons: Partial<Record<ReportReason, number>>;
  /** Reports from accounts too new, unverified or made in a burst: shown, but they hide nothing. */
  uncountedReports: number;
  /** The author asked for a review since the last moderator decision. */
  reviewRequest: { note: string; createdAt: string } | null;
  // One list per reason (json_agg of the per-reason lists).
  notes: ReportNote[][];
  lastAction: { kind: ModerationKind; reason: string; createdAt: string } | null;
};

/**
 * What needs a moderator: comments pending review, then published comments with open reports, then
 * hidden ones (to restore). Within each, comments reported as "not mine" come first: a comment filed
 * in someone else's name is the harm ACUS 2021-1 asks agencies to act on. Report reasons count the
 * reports since the last moderator decision.
 */
export async function moderationQueue(periodId: string, limit = 200) {
  const rows = await prisma.$queryRaw<QueueRow[]>`
    select c.id, c."receiptNumber", c."displayName", c."submitterType"::text as "submitterType", c.text,
           c.status::text as status, c."submittedAt", c."reportCount",
           coalesce(unreviewed.reasons, '{}'::json) as reasons, coalesce(unreviewed.notes, '[]'::json) as notes,
           coalesce(unreviewed.uncounted, 0)::int as "uncountedReports",
           review_request.value as "reviewRequest", last_action.value as "lastAction"
    from "Comment" c
    left join lateral (
      select max(m."createdAt") as at from "ModerationAction" m where m."commentId" = c.id and m.kind <> 'AUTO_HIDE'
    ) decided on true
    left join lateral (
      select json_object_agg(reason, n) as reasons, json_agg(notes) filter (where notes is not null) as notes,
             sum(uncounted) as uncounted
      from (
        select r.reason::text as reason, count(*)::int as n,
               count(*) filter (where not r."countsTowardHide") as uncounted,
               json_agg(json_build_object('reason', r.reason, 'note', r.note, 'createdAt', ${ISO_UTC("r")})
                 order by r."createdAt") filter (where r.note <> '') as notes
        from "CommentReport" r
        where r."commentId" = c.id and (decided.at is null or r."createdAt" > decided.at)
        group by r.reason
      ) by_reason
    ) unreviewed on true
    left join lateral (
      select json_build_object('kind', m.kind, 'reason', m.reason, 'createdAt', ${ISO_UTC("m")}) as value
      from "ModerationAction" m where m."commentId" = c.id order by m."createdAt" desc, m.id desc limit 1
    ) last_action on true
    left join lateral (
      select json_build_object('note', q.note, 'createdAt', ${ISO_UTC("q")}) as value
      from "CommentReviewRequest" q
      where q."commentId" = c.id and (decided.at is null or q."createdAt" > decided.at)
      order by q."createdAt" desc limit 1
    ) review_request on true
    where c."periodId" = ${periodId} and (c.status <> 'PUBLISHED' or c."reportCount" > 0)
    order by case c.status when 'PENDING_REVIEW' then 0 when 'PUBLISHED' then 1 else 2 end,
             review_request.value is not null desc,
             (unreviewed.reasons ->> 'NOT_MINE') is not null desc, c."reportCount" desc, c."submittedAt", c.id
    limit ${limit}`;
  return rows.map((row) => ({
    ...row,
    notes: row.notes.flat().sort((a, b) => a.createdAt.localeCompare(b.createdAt)),
    notMine: (row.reasons.NOT_MINE ?? 0) > 0,
  }));
}

/** The public moderation log, newest first: kind, when, why and the receipt number, never the text. */
export async function publicModerationLog(periodId: string, page: number, pageSize = 50) {
  const current = Math.max(1, Math.trunc(page));
  const [entries, total] = await Promise.all([
    prisma.moderationAction.findMany({
      where: { periodId },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (current - 1) * pageSize,
      take: pageSize,
      select: { id: true, kind: true, reason: true, createdAt: true, comment: { select: { receiptNumber: true } } },
    }),
    prisma.moderationAction.count({ where: { periodId } }),
  ]);
  return {
    entries: entries.map(({ comment, ...entry }) => ({ ...entry, receiptNumber: comment.receiptNumber })),
    total,
    page: current,
    pageCount: Math.max(1, Math.ceil(total / pageSize)),
  };
}
