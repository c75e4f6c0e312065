// The public reading room of a comment period: published comments (searched with PostgreSQL
// full-text search), the honest form-letter counts and the campaigns behind them. Hidden comments
// and comments pending review never leave this module except as counts in the moderation log.
//
// The counts are the figures of app/models/comments/form-letters.ts summarizeCounts, computed in SQL over the
// stored grouping: a comment is an identical copy when its exactKey is its campaign representative's,
// a form letter with added text when it differs and has addedText, an edited copy otherwise. Only
// published comments count, and a campaign is a group of at least two of them: a "campaign" whose
// other copies were hidden is one unique comment on the public record.
import { Prisma, type CommentStatus, type SubmitterType } from "@prisma/client";
import { projectResource } from "~/models/project.server";
import { prisma } from "~/services/db.server";

// The reading room's own read of a period and its project: less than getPeriod() loads for the period page.
export async function findPeriodForComments(periodId: string) {
  const period = await prisma.commentPeriod.findUnique({
    where: { id: periodId },
    select: {
      id: true,
      title: true,
      timeZone: true,
      project: {
        select: {
          id: true,
          slug: true,
          name: true,
          companyId: true,
          leadAgencyId: true,
          status: true,
          cooperatingAgencies: { select: { agency: { select: { id: true } } } },
        },
      },
    },
  });
  if (!period) return null;
  const { project } = period;
  return {
    id: period.id,
    title: period.title,
    // Times on the reading page are shown in the agency's zone, like the deadline.
    timeZone: period.timeZone,
    project: { id: project.id, slug: project.slug, name: project.name },
    resource: projectResource(project),
  };
}

export type CommentListQuery = {
  q?: string;
  submitterType?: SubmitterType;
  campaignId?: string;
  page: number;
  pageSize: number;
};

type CommentRow = {
  id: string;
  receiptNumber: string;
  displayName: string;
  submitterType: SubmitterType;
  organizationName: string | null;
  text: string;
  submittedAt: Date;
  campaignId: string | null;
  addedText: string | null;
  campaignSize: number;
};

/** The filter shared by the page query and its count; every input travels as a bound parameter. */
function publishedWhere(periodId: string, query: CommentListQuery): Prisma.Sql {
  const conditions = [Prisma.sql`c."periodId" = ${periodId}`, Prisma.sql`c."status" = 'PUBLISHED'`];
  const q = query.q?.trim();
  // websearch_to_tsquery accepts anything a person types (quotes, "or", -word) without syntax errors.
  if (q) conditions.push(Prisma.sql`c."searchVector" @@ websearch_to_tsquery('english', ${q})`);
  if (query.submitterType) conditions.push(Prisma.sql`c."submitterType" = ${query.submitterType}::"SubmitterType"`);
  if (query.campaignId) conditions.push(Prisma.sql`c."campaignId" = ${query.campaignId}`);
  return Prisma.join(conditions, " and ");
}

/** One page of published comments, oldest first (the order of the record), with everything shown. */
export async function listPublishedComments(periodId: string, query: CommentListQuery) {
  const pageSize = Math.min(Math.max(1, Math.trunc(query.pageSize)), 200);
  const page = Math.max(1, Math.trunc(query.page));
  const where = publishedWhere(periodId, query);
  const [rows, [{ total }]] = await Promise.all([
    prisma.$queryRaw<CommentRow[]>`
      select c.id, c."receiptNumber", c."displayName", c."submitterType", o.name as "organizationName",
             c.text, c."submittedAt", c."campaignId", c."addedText",
             case when c."campaignId" is null then 1 else (
               select count(*)::int from "Comment" m where m."campaignId" = c."campaignId" and m.status = 'PUBLISHED'
             ) end as "campaignSize"
      from "Comment" c
      left join "Organization" o on o.id = c."organizationId"
      where ${where}
      order by c."submittedAt", c.id
      limit ${pageSize} offset ${(page - 1) * pageSize}`,
    prisma.$queryRaw<{ total: number }[]>`select count(*)::int as total from "Comment" c where ${where}`,
  ]);
  const ids = rows.map((row) => row.id);
  const [attachments, answers] = await Promise.all([
    prisma.commentAttachment.findMany({
      where: { commentId: { in: ids } },
      select: { id: true, commentId: true, originalName: true, sizeBytes: true },
      orderBy: { originalName: "asc" },
    }),
    prisma.officialResponseComment.findMany({
      where: { commentId: { in: ids } },
      select: {
        commentId: true,
        response: {
          select: { id: true, issue: true, text: true, createdAt: true, author: { select: { name: true } } },
        },
      },
      orderBy: { response: { createdAt: "asc" } },
    }),
  ]);
  const comments = rows.map((row) => ({
    ...row,
    // A campaign row with a single published member is not a campaign (see summarizeCounts).
    isFormLetter: row.campaignId !== null && row.campaignSize >= 2,
    attachments: attachments.filter((a) => a.commentId === row.id),
    responses: answers
      .filter((a) => a.commentId === row.id)
      .map(({ response }) => ({ ...response, authorName: response.author.name })),
  }));
  return { comments, total, page, pageSize, pageCount: Math.max(1, Math.ceil(total / pageSize)) };
}

type CampaignRow = {
  campaignId: string;
  comments: number;
  identicalCopies: number;
  formLettersWithAddedText: number;
  editedCopies: number;
  representativeText: string;
  representativeReceipt: string;
};

// Tallies per campaign of published members. The representative text shown is the representative's
// own when it is published; otherwise a published identical copy, otherwise the earliest published
// member, so a hidden comment's text never reaches the page through its campaign.
function campaignTallies(periodId: string): Prisma.Sql {
  return Prisma.sql`
    with tallies as (
      select m."campaignId",
             count(*)::int as comments,
             count(*) filter (where m."exactKey" = rep."exactKey")::int as "identicalCopies",
             count(*) filter (where m."exactKey" <> rep."exactKey" and coalesce(m."addedText", '') <> '')::int
               as "formLettersWithAddedText",
             count(*) filter (where m."exactKey" <> rep."exactKey" and coalesce(m."addedText", '') = '')::int
               as "editedCopies"
      from "Comment" m
      join "Campaign" camp on camp.id = m."campaignId"
      join "Comment" rep on rep.id = camp."representativeId"
      where m."periodId" = ${periodId} and m.status = 'PUBLISHED'
      group by m."campaignId"
      having count(*) >= 2
    )`;
}

/** Every campaign of the period with its representative text and copy counts, largest first. */
export async function listCampaigns(periodId: string) {
  const rows = await prisma.$queryRaw<CampaignRow[]>`
    ${campaignTallies(periodId)}
    select t.*, shown.text as "representativeText", shown."receiptNumber" as "representativeReceipt"
    from tallies t
    join "Campaign" camp on camp.id = t."campaignId"
    join "Comment" rep on rep.id = camp."representativeId"
    cross join lateral (
      select s.text, s."receiptNumber" from "Comment" s
      where s."campaignId" = t."campaignId" and s.status = 'PUBLISHED'
      order by (s.id = camp."representativeId") desc, (s."exactKey" = rep."exactKey") desc, s."submittedAt", s.id
      limit 1
    ) shown
    order by t.comments desc, t."campaignId"`;
  return rows;
}

export type PeriodCounts = {
  totalComments: number;
  uniqueComments: number;
  campaigns: number;
  copiesInCampaigns: number;
  identicalCopies: number;
  formLettersWithAddedText: number;
  editedCopies: number;
  byCampaign: CampaignRow[];
};

/** The honest counts (ACUS 2021-1): the figures add up exactly, as in summarizeCounts. */
export async function periodCounts(periodId: string): Promise<PeriodCounts> {
  const [[totals], byCampaign] = await Promise.all([
    prisma.$queryRaw<Omit<PeriodCounts, "byCampaign" | "uniqueComments">[]>`
      ${campaignTallies(periodId)}
      select (select count(*)::int from "Comment" where "periodId" = ${periodId} and status = 'PUBLISHED')
               as "totalComments",
             count(*)::int as campaigns,
             coalesce(sum(comments), 0)::int as "copiesInCampaigns",
             coalesce(sum("identicalCopies"), 0)::int as "identicalCopies",
             coalesce(sum("formLettersWithAddedText"), 0)::int as "formLettersWithAddedText",
             coalesce(sum("editedCopies"), 0)::int as "editedCopies"
      from tallies`,
    listCampaigns(periodId),
  ]);
  return { ...totals, uniqueComments: totals.totalComments - totals.copiesInCampaigns, byCampaign };
}

/**
 * An attachment as the download route needs it, scoped to the period in the URL. The route decides
 * who may open a hidden comment's files; this only reports the comment's status.
 */
export async function findCommentAttachment(periodId: string, attachmentId: string) {
  const attachment = await prisma.commentAttachment.findUnique({
    where: { id: attachmentId },
    select: {
      storageKey: true,
      originalName: true,
      contentType: true,
      sizeBytes: true,
      sha256: true,
      comment: { select: { periodId: true, status: true } },
    },
  });
  if (!attachment || attachment.comment.periodId !== periodId) return null;
  return { ...attachment, status: attachment.comment.status satisfies CommentStatus };
}
