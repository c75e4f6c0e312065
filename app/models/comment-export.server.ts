// A period's comments as CSV rows. The public export lists every comment, hidden ones included, so
// the totals match the record; a hidden or pending comment's row says so and why, and withholds its
// text, added text, name and organization (Decidim issue #10613: exports that ignore moderation).
// The full export, for the agencies, adds the email and report counts and keeps hidden text.
import type { CommentStatus } from "@prisma/client";
import { env } from "~/env.server";
import type { CsvValue } from "~/services/csv.server";
import { prisma } from "~/services/db.server";

export const EXPORT_BATCH_SIZE = 1_000;

const PUBLIC_COLUMNS = [
  "receipt",
  "submitted_at",
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
  let after: Cursor | null = null;
  for (;;) {
    const batch = await loadBatch(periodId, after);
    for (const comment of batch) {
      const withheld = !options.full && comment.status !== "PUBLISHED";
      const responseUrls = comment.responses
        .map((r) => `${base}/comment-periods/${periodId}/responses#response-${r.responseId}`)
        .join(" ");
      const row: CsvValue[] = [
        comment.receiptNumber,
        comment.submittedAt.toISOString(),
        comment.submitterType,
        withheld ? WITHHELD : comment.displayName,
        withheld ? WITHHELD : (comment.organization?.name ?? ""),
        comment.status,
        comment.campaignId ?? "",
        withheld ? "" : (comment.addedText ?? ""),
        withheld ? hiddenText(comment.status, comment.moderation[0]?.reason) : comment.text,
        comment._count.attachments,
        responseUrls,
      ];
      if (options.full) row.push(comment.email ?? "", comment._count.reports, comment.reportCount);
      yield row;
    }
    if (batch.length < EXPORT_BATCH_SIZE) return;
    const last = batch[batch.length - 1];
    after = { submittedAt: last.submittedAt, id: last.id };
  }
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
