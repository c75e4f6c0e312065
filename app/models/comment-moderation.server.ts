// Reports and moderation of public comments, after Decidim: anyone signed in reports a comment once;
// enough reports hide it pending review; the lead agency's staff publish, hide (with a reason) or
// restore it, one comment or many at a time. Every change is a ModerationAction, the public log
// (what, when, why; never the hidden text), written in the transaction that makes the change.
import { Prisma, type ModerationKind, type ReportReason } from "@prisma/client";
import { env } from "~/env.server";
import { recordAudit, type AuditContext } from "~/services/audit.server";
import { prisma } from "~/services/db.server";
import { DomainError } from "./errors.server";

/** Reports that hide a comment until a moderator looks at it (COMMENT_AUTO_HIDE_REPORTS). */
export const AUTO_HIDE_THRESHOLD = env().COMMENT_AUTO_HIDE_REPORTS;

export const COMMENT_AUTO_HIDDEN_EVENT = "comment.autoHidden";

export type ReportInput = { reason: ReportReason; note?: string; periodId?: string };

/**
 * One report per person per comment (a unique index; the second says so). `reportCount` counts the
 * reports since a moderator last decided on the comment, so a comment restored by a moderator is
 * hidden again only by that many new reports.
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
        select: { id: true, periodId: true, receiptNumber: true },
      });
      if (!comment || (input.periodId && comment.periodId !== input.periodId)) {
        throw new DomainError("This comment does not exist.", "form", 404);
      }
      const existing = await tx.commentReport.findUnique({
        where: { commentId_reporterId: { commentId, reporterId } },
        select: { id: true },
      });
      if (existing) throw alreadyReported();
      await tx.commentReport.create({
        data: { commentId, reporterId, reason: input.reason, note: input.note?.trim() ?? "" },
      });
      // The increment takes the row lock, so simultaneous reports cross the threshold exactly once.
      const updated = await tx.comment.update({
        where: { id: commentId },
        data: { reportCount: { increment: 1 } },
        select: { reportCount: true, status: true },
      });
      await recordAudit(tx, context, {
        action: "comment.report",
        entityType: "Comment",
        entityId: commentId,
        after: { reason: input.reason, reportCount: updated.reportCount },
      });
      const autoHidden = updated.status === "PUBLISHED" && updated.reportCount >= AUTO_HIDE_THRESHOLD;
      if (autoHidden) {
        const reason = `Hidden automatically after ${updated.reportCount} reports, pending review`;
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
        // So the lead agency's moderators can be told when the notification issue lands.
        await tx.domainEvent.create({
          data: {
            type: COMMENT_AUTO_HIDDEN_EVENT,
            aggregateId: commentId,
            payload: { periodId: comment.periodId, commentId, receiptNumber: comment.receiptNumber },
          },
        });
      }
      return { reportCount: updated.reportCount, autoHidden };
    });
  } catch (error) {
    // Two simultaneous reports by one person: the unique index refuses the second.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") throw alreadyReported();
    throw error;
  }
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
    await tx.comment.updateMany({ where: { id: { in: ids } }, data: { status: transition.to, reportCount: 0 } });
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
    for (const comment of comments) {
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

const KIND_VERBS: Record<ModeratorKind, string> = { PUBLISH: "Publish", HIDE: "Hide", RESTORE: "Restore" };
const STATUS_WORDS: Record<string, string> = {
  PUBLISHED: "published",
  PENDING_REVIEW: "pending review",
  HIDDEN: "hidden",
};

// Columns are UTC timestamps without a zone: JSON gets them with the Z, or Date would read local time.
const ISO_UTC = (alias: "r" | "m") => Prisma.raw(`to_char(${alias}."createdAt", 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`);

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
           last_action.value as "lastAction"
    from "Comment" c
    left join lateral (
      select max(m."createdAt") as at from "ModerationAction" m where m."commentId" = c.id and m.kind <> 'AUTO_HIDE'
    ) decided on true
    left join lateral (
      select json_object_agg(reason, n) as reasons, json_agg(notes) filter (where notes is not null) as notes
      from (
        select r.reason::text as reason, count(*)::int as n,
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
    where c."periodId" = ${periodId} and (c.status <> 'PUBLISHED' or c."reportCount" > 0)
    order by case c.status when 'PENDING_REVIEW' then 0 when 'PUBLISHED' then 1 else 2 end,
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
