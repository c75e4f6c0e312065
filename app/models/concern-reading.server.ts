// Public reading of the response to comments by concern (docs/decisions/0030-comment-coding.md): the
// published concern statements with their answers and every comment and campaign that raised them,
// each comment's trace to its answers, and the appendix for the final EIS (HTML and CSV).
//
// Only published concerns, and of them only published comments: a hidden comment's text, name and
// quotes never leave this module, and a campaign counts only its published copies.
import type { CsvValue } from "~/services/csv.server";
import { prisma } from "~/services/db.server";

export type RaisedBy = {
  /** Comments coded on their own text (a campaign copy's added text among them). */
  comments: { receiptNumber: string; displayName: string; quotes: string[] }[];
  /** Campaigns coded on their letter: every published copy raised the concern. */
  campaigns: { campaignId: string; representativeReceipt: string; copies: number; quotes: string[] }[];
  /** Distinct published comments raising the concern, campaign copies one by one. */
  total: number;
};

export type PublishedConcern = {
  id: string;
  responseId: string;
  topic: string;
  statement: string;
  answer: string;
  publishedAt: Date;
  raisedBy: RaisedBy;
};

/** Published concerns of the period in topic order, each with everyone who raised it. */
export async function publishedConcerns(periodId: string): Promise<PublishedConcern[]> {
  const concerns = await prisma.concernStatement.findMany({
    where: { periodId, status: "PUBLISHED", responseId: { not: null }, publishedAt: { not: null } },
    orderBy: [{ topic: { position: "asc" } }, { publishedAt: "asc" }, { id: "asc" }],
    select: {
      id: true,
      responseId: true,
      statement: true,
      answer: true,
      publishedAt: true,
      topic: { select: { name: true } },
      passages: {
        where: { comment: { status: "PUBLISHED" } },
        orderBy: [{ comment: { receiptNumber: "asc" } }, { startIndex: "asc" }],
        select: {
          quote: true,
          campaignId: true,
          comment: { select: { id: true, receiptNumber: true, displayName: true } },
        },
      },
    },
  });
  if (concerns.length === 0) return [];
  const campaignIds = [
    ...new Set(concerns.flatMap((c) => c.passages.flatMap((p) => (p.campaignId ? [p.campaignId] : [])))),
  ];
  const copies = await campaignCopies(campaignIds);
  const totals = await raisingTotals(concerns.map((c) => c.id));
  return concerns.map((concern) => {
    const comments = new Map<string, RaisedBy["comments"][number]>();
    const campaigns = new Map<string, RaisedBy["campaigns"][number]>();
    for (const passage of concern.passages) {
      if (passage.campaignId) {
        const copy = copies.get(passage.campaignId);
        const entry = campaigns.get(passage.campaignId) ?? {
          campaignId: passage.campaignId,
          representativeReceipt: passage.comment.receiptNumber,
          copies: copy ?? 0,
          quotes: [],
        };
        entry.quotes.push(passage.quote);
        campaigns.set(passage.campaignId, entry);
      } else {
        const entry = comments.get(passage.comment.id) ?? {
          receiptNumber: passage.comment.receiptNumber,
          displayName: passage.comment.displayName,
          quotes: [],
        };
        entry.quotes.push(passage.quote);
        comments.set(passage.comment.id, entry);
      }
    }
    return {
      id: concern.id,
      responseId: concern.responseId ?? "",
      topic: concern.topic.name,
      statement: concern.statement,
      answer: concern.answer,
      publishedAt: concern.publishedAt ?? new Date(0),
      raisedBy: {
        comments: [...comments.values()],
        campaigns: [...campaigns.values()].sort((a, b) => b.copies - a.copies),
        total: totals.get(concern.id) ?? 0,
      },
    };
  });
}

async function campaignCopies(campaignIds: string[]) {
  if (campaignIds.length === 0) return new Map<string, number>();
  const rows = await prisma.comment.groupBy({
    by: ["campaignId"],
    where: { campaignId: { in: campaignIds }, status: "PUBLISHED" },
    _count: { _all: true },
  });
  return new Map(rows.map((row) => [row.campaignId ?? "", row._count._all]));
}

/** Distinct published comments per concern: a copy coded on its own and through its letter counts once. */
async function raisingTotals(concernIds: string[]) {
  const rows = await prisma.$queryRaw<{ concernId: string; total: bigint }[]>`
    select p."concernId", count(distinct m.id) as total
    from "ConcernPassage" p
    join "Comment" m on (m.id = p."commentId" or (p."campaignId" is not null and m."campaignId" = p."campaignId"))
    where p."concernId" = any(${concernIds}::text[]) and m.status = 'PUBLISHED'
    group by p."concernId"`;
  return new Map(rows.map((row) => [row.concernId, Number(row.total)]));
}

export type CommentTrace = {
  concernId: string;
  responseId: string;
  topic: string;
  statement: string;
  viaCampaign: boolean;
};

/**
 * For each published comment given, the published concerns it was coded to (on its own text or
 * through its campaign's letter): the commenter's trace from what they wrote to the agency's answer.
 */
export async function concernsForComments(periodId: string, commentIds: string[]) {
  const traces = new Map<string, CommentTrace[]>();
  if (commentIds.length === 0) return traces;
  const rows = await prisma.$queryRaw<(CommentTrace & { commentId: string })[]>`
    select distinct m.id as "commentId", s.id as "concernId", s."responseId", t.name as topic, s.statement,
      (p."commentId" <> m.id) as "viaCampaign", t.position
    from "Comment" m
    join "ConcernPassage" p on (p."commentId" = m.id or (p."campaignId" is not null and p."campaignId" = m."campaignId"))
    join "ConcernStatement" s on s.id = p."concernId" and s.status = 'PUBLISHED'
    join "CodingTopic" t on t.id = s."topicId"
    where m.id = any(${commentIds}::text[]) and m."periodId" = ${periodId} and m.status = 'PUBLISHED'
    order by t.position, s.statement`;
  for (const row of rows) {
    const list = traces.get(row.commentId) ?? [];
    if (!list.some((trace) => trace.concernId === row.concernId)) {
      list.push({
        concernId: row.concernId,
        responseId: row.responseId,
        topic: row.topic,
        statement: row.statement,
        viaCampaign: row.viaCampaign,
      });
    }
    traces.set(row.commentId, list);
  }
  return traces;
}

export const APPENDIX_COLUMNS = [
  "topic",
  "concern statement",
  "raised by",
  "receipt",
  "comments",
  "quoted passages",
  "answer",
  "published (UTC)",
] as const;

/** Rows of the appendix CSV: one per concern and commenter (a campaign is one row with its copies). */
export function appendixRows(concerns: PublishedConcern[]): CsvValue[][] {
  const rows: CsvValue[][] = [];
  for (const concern of concerns) {
    const tail = [concern.answer, concern.publishedAt.toISOString()];
    for (const campaign of concern.raisedBy.campaigns) {
      rows.push([
        concern.topic,
        concern.statement,
        `Campaign (${campaign.copies} letters)`,
        campaign.representativeReceipt,
        campaign.copies,
        campaign.quotes.join(" | "),
        ...tail,
      ]);
    }
    for (const comment of concern.raisedBy.comments) {
      rows.push([
        concern.topic,
        concern.statement,
        comment.displayName,
        comment.receiptNumber,
        1,
        comment.quotes.join(" | "),
        ...tail,
      ]);
    }
  }
  return rows;
}
