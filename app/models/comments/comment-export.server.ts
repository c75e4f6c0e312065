// A period's comments as CSV rows. The public export lists every comment, hidden ones included, so
// the totals match the record; a hidden or pending comment's row says so and why, and withholds its
// text, added text, name and organization (Decidim issue #10613: exports that ignore moderation).
// The full export, for the agencies, adds the email and report counts and keeps hidden text.
import type { CommentStatus } from "@prisma/client";
import { env } from "~/env.server";
import type { CsvValue } from "~/services/csv.server";
import { prisma } from "~/services/db.server";
import { isoInZone } from "~/utils/dates";

export const EXPORT_BATCH_SIZE = 1_000;

const PUBLIC_COLUMNS = [
  "receipt",
  "submitted_at",
  "time_zone",
  "submitter_type",
  "display_name",
  "organization",
  "status",
  "campaign_id",
  "added_text",
  "text",
  "attachment_count",
  "response_url",
] as const;
const FULL_COLUMNS = [...PUBLIC_COLUMNS, "email", "report_count", "unreviewed_report_count"] as const;

export function exportColumns(options: { full: boolean }): readonly string[] {
  return options.full ? FULL_COLUMNS : PUBLIC_COLUMNS;
}

const WITHHELD = "[withheld]";

/** Rows in receipt order, read 1,000 at a time by keyset (submittedAt, id): no OFFSET scans. */
export async function* exportComments(periodId: string, options: { full: boolean }): AsyncGenerator<CsvValue[]> {
  const base = env().APP_URL.replace(/\/$/, "");
  const period = await prisma.commentPeriod.findUniqueOrThrow({ where: { id: periodId }, select: { timeZone: true } });
  let after: Cursor | null = null;
  for (;;) {
    const batch = await loadBatch(periodId, after);
    const campaigns = await countedCampaigns(batch.map((comment) => comment.campaignId));
    for (const comment of batch) {
      yield exportRow(comment, { ...options, base, periodId, timeZone: period.timeZone, campaigns });
    }
    if (batch.length < EXPORT_BATCH_SIZE) return;
    const last = batch[batch.length - 1];
    after = { submittedAt: last.submittedAt, id: last.id };
  }
}

export type ExportedComment = Awaited<ReturnType<typeof loadBatch>>[number];

/**
 * One CSV row. `submitted_at` is the receipt time in the period's (lead agency's) zone with its UTC
 * offset, so the instant is exact and the local reading is the one the receipt shows.
 */
export function exportRow(
  comment: ExportedComment,
  options: { full: boolean; base: string; periodId: string; timeZone: string; campaigns: ReadonlySet<string> },
): CsvValue[] {
  const withheld = !options.full && comment.status !== "PUBLISHED";
  const responseUrls = comment.responses
    .map((r) => `${options.base}/comment-periods/${options.periodId}/responses#response-${r.responseId}`)
    .join(" ");
  // Only a campaign the comments page counts (two or more published copies) is named, so the export
  // and the page agree; a withheld row does not reveal which campaign its hidden text belongs to.
  const campaignId =
    !withheld && comment.campaignId && options.campaigns.has(comment.campaignId) ? comment.campaignId : "";
  const row: CsvValue[] = [
    comment.receiptNumber,
    isoInZone(comment.submittedAt, options.timeZone),
    options.timeZone,
    comment.submitterType,
    withheld ? WITHHELD : comment.displayName,
    withheld ? WITHHELD : (comment.organization?.name ?? ""),
    comment.status,
    campaignId,
    withheld ? "" : (comment.addedText ?? ""),
    withheld ? hiddenText(comment.status, comment.moderation[0]?.reason) : comment.text,
    comment._count.attachments,
    responseUrls,
  ];
  if (options.full) row.push(comment.email ?? "", comment._count.reports, comment.reportCount);
  return row;
}

/** The campaigns among `ids` that have at least two published comments (the page's definition). */
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

type Cursor = { submittedAt: Date; id: string };

function loadBatch(periodId: string, after: Cursor | null) {
  return prisma.comment.findMany({
    where: {
      periodId,
      ...(after && {
        OR: [{ submittedAt: { gt: after.submittedAt } }, { submittedAt: after.submittedAt, id: { gt: after.id } }],
      }),
    },
    orderBy: [{ submittedAt: "asc" }, { id: "asc" }],
    take: EXPORT_BATCH_SIZE,
    select: {
      id: true,
      receiptNumber: true,
      submittedAt: true,
      submitterType: true,
      displayName: true,
      email: true,
      status: true,
      campaignId: true,
      addedText: true,
      text: true,
      reportCount: true,
      organization: { select: { name: true } },
      responses: { select: { responseId: true }, orderBy: { response: { createdAt: "asc" } } },
      moderation: {
        where: { kind: { in: ["HIDE", "AUTO_HIDE"] } },
        orderBy: [{ createdAt: "desc" }, { id: "desc" }],
        take: 1,
        select: { reason: true },
      },
      _count: { select: { attachments: true, reports: true } },
    },
  });
}

function hiddenText(status: CommentStatus, reason: string | undefined): string {
  const why = reason || (status === "PENDING_REVIEW" ? "pending review after reports" : "no reason recorded");
  return `[hidden by moderator: ${why}]`;
}
