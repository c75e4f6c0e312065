// Comment periods and what was said in them, as the public record gives them out. A hidden or
// pending comment is listed by receipt, time and the moderation log's reason only: its text, added
// text, name and organization are not even read. Counts are the reading room's honest counts.
import type { Prisma } from "@prisma/client";
import { prisma } from "~/services/db.server";
import { periodCounts, listCampaigns } from "../comments/comment-reading.server";
import { periodState } from "../comments/comment-window";
import { PUBLIC_PERIOD_FIELDS } from "~/models/comments/comment-period.server";
import { afterKey, paged, type KeysetPage } from "./page.server";
import type { TrainingChoice } from "./projects.server";
import type { InstantKey } from "./record.server";
import { apiPath, publicUrl } from "./urls.server";

const PERIOD_SELECT = {
  ...PUBLIC_PERIOD_FIELDS,
  project: { select: { slug: true, name: true } },
  changes: {
    orderBy: [{ changedAt: "asc" as const }, { id: "asc" as const }],
    select: { kind: true, previousClosesAt: true, newClosesAt: true, reason: true, changedAt: true },
  },
} satisfies Prisma.CommentPeriodSelect;

type PeriodRow = {
  id: string;
  stage: string;
  title: string;
  description: string;
  opensAt: Date;
  closesAt: Date;
  timeZone: string;
  allowAnonymous: boolean;
  project: { slug: string; name: string };
  changes: { kind: "EXTEND" | "REOPEN"; previousClosesAt: Date; newClosesAt: Date; reason: string; changedAt: Date }[];
};

async function toPublicPeriod(period: PeriodRow, now: Date) {
  const [counts, withheldComments] = await Promise.all([
    periodCounts(period.id),
    prisma.comment.count({ where: { periodId: period.id, status: { not: "PUBLISHED" } } }),
  ]);
  const { byCampaign: _campaigns, ...totals } = counts;
  const base = apiPath(`/comment-periods/${period.id}`);
  return {
    id: period.id,
    project: period.project,
    stage: period.stage,
    title: period.title,
    description: period.description,
    opensAt: period.opensAt.toISOString(),
    closesAt: period.closesAt.toISOString(),
    // The first change remembers the deadline the period was opened with.
    originalClosesAt: (period.changes[0]?.previousClosesAt ?? period.closesAt).toISOString(),
    timeZone: period.timeZone,
    state: periodState(period, now),
    allowAnonymous: period.allowAnonymous,
    extensions: period.changes.map((c) => ({
      kind: c.kind,
      previousClosesAt: c.previousClosesAt.toISOString(),
      newClosesAt: c.newClosesAt.toISOString(),
      reason: c.reason,
      changedAt: c.changedAt.toISOString(),
    })),
    counts: totals,
    withheldComments,
    links: {
      self: publicUrl(base),
      html: publicUrl(`/comment-periods/${period.id}`),
      comments: publicUrl(`${base}/comments`),
      campaigns: publicUrl(`${base}/campaigns`),
      responses: publicUrl(`${base}/responses`),
      moderationLog: publicUrl(`${base}/moderation-log`),
    },
  };
}

/** A project's comment periods, oldest first, each with its extensions and counts. */
export async function listPublicPeriods(projectId: string, page: KeysetPage<InstantKey>, now: Date) {
  const rows = await prisma.commentPeriod.findMany({
    where: { projectId, ...afterKey("opensAt", page.after) },
    orderBy: [{ opensAt: "asc" }, { id: "asc" }],
    take: page.limit + 1,
    select: PERIOD_SELECT,
  });
  const { items, nextKey } = paged(rows, page.limit, (p) => ({ value: p.opensAt, id: p.id }));
  return { items: await Promise.all(items.map((p) => toPublicPeriod(p, now))), nextKey };
}

/** The period's id when the public may read it here (its project is not an unrequested training one). */
export async function findPublicPeriodId(periodId: string, choice: TrainingChoice): Promise<string | null> {
  const period = await prisma.commentPeriod.findUnique({
    where: { id: periodId },
    select: { id: true, project: { select: { isTraining: true } } },
  });
  if (!period || (period.project.isTraining && !choice.includeTraining)) return null;
  return period.id;
}

export async function getPublicPeriod(periodId: string, now: Date) {
  const period = await prisma.commentPeriod.findUniqueOrThrow({ where: { id: periodId }, select: PERIOD_SELECT });
  return toPublicPeriod(period, now);
}

/**
 * Every comment of the period in receipt order (submittedAt, id): published ones whole, the others
 * withheld. Two reads: the page's comments with their status only, then the published ones' text.
 */
export async function listPublicComments(periodId: string, page: KeysetPage<InstantKey>) {
  const rows = await prisma.comment.findMany({
    where: { periodId, ...afterKey("submittedAt", page.after) },
    orderBy: [{ submittedAt: "asc" }, { id: "asc" }],
    take: page.limit + 1,
    select: {
      id: true,
      receiptNumber: true,
      submittedAt: true,
      status: true,
      moderation: {
        where: { kind: { in: ["HIDE", "AUTO_HIDE"] } },
        orderBy: [{ createdAt: "desc" }, { id: "desc" }],
        take: 1,
        select: { reason: true },
      },
    },
  });
  const { items, nextKey } = paged(rows, page.limit, (c) => ({ value: c.submittedAt, id: c.id }));
  const publishedIds = items.filter((c) => c.status === "PUBLISHED").map((c) => c.id);
  const published = await prisma.comment.findMany({
    where: { id: { in: publishedIds }, status: "PUBLISHED" },
    select: {
      id: true,
      submitterType: true,
      displayName: true,
      text: true,
      addedText: true,
      campaignId: true,
      organization: { select: { name: true } },
      attachments: { orderBy: { originalName: "asc" }, select: { originalName: true, sizeBytes: true } },
      responses: { orderBy: { response: { createdAt: "asc" } }, select: { responseId: true } },
    },
  });
  const campaigns = await countedCampaigns(published.map((c) => c.campaignId));
  const byId = new Map(published.map((c) => [c.id, c]));
  return {
    nextKey,
    items: items.map((c) => {
      const full = c.status === "PUBLISHED" ? byId.get(c.id) : undefined;
      if (!full) {
        const why =
          c.moderation[0]?.reason ||
          (c.status === "PENDING_REVIEW" ? "Pending a moderator's review after reports." : "No reason recorded.");
        return {
          receiptNumber: c.receiptNumber,
          submittedAt: c.submittedAt.toISOString(),
          // A comment hidden between the two reads is withheld too.
          status: c.status === "PUBLISHED" ? ("HIDDEN" as const) : c.status,
          withheldReason: why,
        };
      }
      return {
        receiptNumber: c.receiptNumber,
        submittedAt: c.submittedAt.toISOString(),
        status: "PUBLISHED" as const,
        submitterType: full.submitterType,
        displayName: full.displayName,
        organization: full.organization?.name ?? null,
        text: full.text,
        addedText: full.addedText,
        campaignId: full.campaignId && campaigns.has(full.campaignId) ? full.campaignId : null,
        attachments: full.attachments.map((a) => ({ name: a.originalName, sizeBytes: a.sizeBytes })),
        responseIds: full.responses.map((r) => r.responseId),
      };
    }),
  };
}

/** Campaigns the reading room counts: two or more published copies. */
async function countedCampaigns(ids: (string | null)[]): Promise<Set<string>> {
  const wanted = [...new Set(ids.filter((id): id is string => id !== null))];
  if (wanted.length === 0) return new Set();
  const groups = await prisma.comment.groupBy({
    by: ["campaignId"],
    where: { campaignId: { in: wanted }, status: "PUBLISHED" },
    _count: { _all: true },
  });
  return new Set(groups.filter((g) => g._count._all >= 2 && g.campaignId).map((g) => g.campaignId as string));
}

export async function publicCampaigns(periodId: string) {
  const [counts, campaigns] = await Promise.all([periodCounts(periodId), listCampaigns(periodId)]);
  const { byCampaign: _byCampaign, ...totals } = counts;
  return {
    counts: totals,
    campaigns: campaigns.map((c) => ({
      id: c.campaignId,
      comments: c.comments,
      identicalCopies: c.identicalCopies,
      formLettersWithAddedText: c.formLettersWithAddedText,
      editedCopies: c.editedCopies,
      representativeText: c.representativeText,
      representativeReceipt: c.representativeReceipt,
    })),
  };
}

/** Official responses, oldest first; answered comments by receipt, with whether they are published. */
export async function listPublicResponses(periodId: string, page: KeysetPage<InstantKey>) {
  const rows = await prisma.officialResponse.findMany({
    where: { periodId, ...afterKey("createdAt", page.after) },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    take: page.limit + 1,
    select: {
      id: true,
      issue: true,
      text: true,
      createdAt: true,
      comments: {
        orderBy: { comment: { receiptNumber: "asc" } },
        select: { comment: { select: { receiptNumber: true, status: true } } },
      },
    },
  });
  const { items, nextKey } = paged(rows, page.limit, (r) => ({ value: r.createdAt, id: r.id }));
  return {
    nextKey,
    items: items.map((r) => ({
      id: r.id,
      issue: r.issue,
      text: r.text,
      createdAt: r.createdAt.toISOString(),
      answered: r.comments.map(({ comment }) => ({
        receiptNumber: comment.receiptNumber,
        published: comment.status === "PUBLISHED",
      })),
    })),
  };
}

/** The public moderation log, oldest first: what, when, why and the receipt, never the text. */
export async function listPublicModerationLog(periodId: string, page: KeysetPage<InstantKey>) {
  const rows = await prisma.moderationAction.findMany({
    where: { periodId, ...afterKey("createdAt", page.after) },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    take: page.limit + 1,
    select: { id: true, kind: true, reason: true, createdAt: true, comment: { select: { receiptNumber: true } } },
  });
  const { items, nextKey } = paged(rows, page.limit, (e) => ({ value: e.createdAt, id: e.id }));
  return {
    nextKey,
    items: items.map((e) => ({
      id: e.id,
      kind: e.kind,
      reason: e.reason,
      receiptNumber: e.comment.receiptNumber,
      createdAt: e.createdAt.toISOString(),
    })),
  };
}
