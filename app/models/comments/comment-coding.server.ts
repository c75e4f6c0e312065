// Coding a comment period's comments by concern (docs/decisions/0030-comment-coding.md): the
// lead agency's topics, the passages it marks as concern statements, and the progress figure.
//
// A passage is a quote of a comment's text (offsets checked against it). Coded on a campaign's
// representative letter "for the whole campaign", it applies to every copy; a copy's added text is
// coded on the copy itself. Only published comments are coded or counted: a hidden comment is off the
// public record, and a passage of a comment hidden later stays stored but shows nowhere public.
import { Prisma } from "@prisma/client";
import { recordAudit, type AuditContext } from "~/services/audit.server";
import { prisma } from "~/services/db.server";
import { defaultTopics, locateQuote, parseKeywords, suggestTopics } from "./comment-coding";
import { DomainError } from "~/models/errors.server";

export async function listTopics(periodId: string) {
  const topics = await prisma.codingTopic.findMany({
    where: { periodId },
    orderBy: [{ position: "asc" }, { name: "asc" }],
    select: { id: true, name: true, keywords: true, resourceArea: true, _count: { select: { passages: true } } },
  });
  return topics.map(({ _count, ...topic }) => ({ ...topic, passages: _count.passages }));
}

/** Seeds the period's structure from its project's environmental reviews (or the standard list). */
export async function seedDefaultTopics(periodId: string, context: AuditContext) {
  return prisma.$transaction(async (tx) => {
    const period = await tx.commentPeriod.findUniqueOrThrow({ where: { id: periodId }, select: { projectId: true } });
    if ((await tx.codingTopic.count({ where: { periodId } })) > 0) {
      throw new DomainError("This period already has topics; add or edit them one by one.", "form", 409);
    }
    const reviews = await tx.environmentalReview.findMany({
      where: { projectId: period.projectId },
      select: { resourceArea: true },
      distinct: ["resourceArea"],
    });
    const topics = defaultTopics(reviews.map((review) => review.resourceArea));
    await tx.codingTopic.createMany({
      data: topics.map((topic, position) => ({ periodId, position, ...topic })),
    });
    await recordAudit(tx, context, {
      action: "coding.seedTopics",
      entityType: "CommentPeriod",
      entityId: periodId,
      after: { topics: topics.map((topic) => topic.name) },
    });
    return { count: topics.length, fromReviews: reviews.length > 0 };
  });
}

export type TopicInput = { name: string; keywords: string };

export async function saveTopic(periodId: string, topicId: string | null, input: TopicInput, context: AuditContext) {
  const name = input.name.trim();
  if (!name) throw new DomainError("Name the topic.", "name");
  const keywords = parseKeywords(input.keywords);
  try {
    return await prisma.$transaction(async (tx) => {
      let id = topicId;
      if (id) {
        const found = await tx.codingTopic.updateMany({ where: { id, periodId }, data: { name, keywords } });
        if (found.count === 0) throw new DomainError("This topic is not in this comment period.", "form", 404);
      } else {
        const last = await tx.codingTopic.aggregate({ where: { periodId }, _max: { position: true } });
        const position = (last._max.position ?? -1) + 1;
        id = (await tx.codingTopic.create({ data: { periodId, name, keywords, position }, select: { id: true } })).id;
      }
      await recordAudit(tx, context, {
        action: topicId ? "coding.editTopic" : "coding.addTopic",
        entityType: "CodingTopic",
        entityId: id,
        after: { periodId, name, keywords },
      });
      return { id, name };
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw new DomainError(`This period already has a topic named “${name}”.`, "name", 409);
    }
    throw error;
  }
}

/** A topic goes only while nothing is coded to it (coded passages would lose their topic). */
export async function removeTopic(periodId: string, topicId: string, context: AuditContext) {
  return prisma.$transaction(async (tx) => {
    const topic = await tx.codingTopic.findFirst({
      where: { id: topicId, periodId },
      select: { name: true, _count: { select: { passages: true, concerns: true } } },
    });
    if (!topic) throw new DomainError("This topic is not in this comment period.", "form", 404);
    if (topic._count.passages + topic._count.concerns > 0) {
      throw new DomainError(`“${topic.name}” has coded passages or concerns; move them first.`, "form", 409);
    }
    await tx.codingTopic.delete({ where: { id: topicId } });
    await recordAudit(tx, context, {
      action: "coding.removeTopic",
      entityType: "CodingTopic",
      entityId: topicId,
      before: { periodId, name: topic.name },
    });
    return topic;
  });
}

export type CodingProgress = {
  /** Published comments, campaign copies counted one by one. */
  substantive: number;
  /** Of those, comments with at least one concern coded: their own or their campaign letter's. */
  coded: number;
  /** Copies in a campaign whose letter is coded and that carry added text of their own ... */
  copiesWithAddedText: number;
  /** ... and of those, how many have their added text coded too. */
  copiesWithAddedTextCoded: number;
};

export async function codingProgress(periodId: string): Promise<CodingProgress> {
  const [row] = await prisma.$queryRaw<{ substantive: bigint; coded: bigint; added: bigint; addedCoded: bigint }[]>`
    with c as (
      select m.id, m."campaignId",
        nullif(trim(coalesce(m."addedText", '')), '') is not null as "hasAdded",
        exists (select 1 from "ConcernPassage" p where p."commentId" = m.id) as own,
        exists (select 1 from "ConcernPassage" p where p."campaignId" = m."campaignId") as letter
      from "Comment" m
      where m."periodId" = ${periodId} and m.status = 'PUBLISHED'
    )
    select count(*) as substantive,
      count(*) filter (where own or letter) as coded,
      count(*) filter (where letter and "hasAdded") as added,
      count(*) filter (where letter and "hasAdded" and own) as "addedCoded"
    from c`;
  return {
    substantive: Number(row?.substantive ?? 0),
    coded: Number(row?.coded ?? 0),
    copiesWithAddedText: Number(row?.added ?? 0),
    copiesWithAddedTextCoded: Number(row?.addedCoded ?? 0),
  };
}

type QueueRow = {
  id: string;
  receiptNumber: string;
  displayName: string;
  excerpt: string;
  campaignId: string | null;
  copies: number;
  isRepresentative: boolean;
  hasAddedText: boolean;
  coded: boolean;
};

/**
 * Published comments to code, oldest first, a page at a time. A campaign shows as its representative
 * (with its copy count) and the copies that added text of their own; identical copies need nothing.
 */
export async function codingQueue(periodId: string, options: { uncodedOnly: boolean; page: number; pageSize: number }) {
  const rows = await prisma.$queryRaw<(QueueRow & { total: bigint })[]>`
    with c as (
      select m.id, m."receiptNumber", m."displayName", left(m.text, 240) as excerpt, m."submittedAt",
        m."campaignId", (k."representativeId" = m.id) as "isRepresentative",
        nullif(trim(coalesce(m."addedText", '')), '') is not null as "hasAddedText",
        (select count(*) from "Comment" s where s."campaignId" = m."campaignId" and s.status = 'PUBLISHED')::int as copies,
        (exists (select 1 from "ConcernPassage" p where p."commentId" = m.id)
          or (k."representativeId" = m.id and exists (select 1 from "ConcernPassage" p where p."campaignId" = m."campaignId"))) as coded
      from "Comment" m
      left join "Campaign" k on k.id = m."campaignId"
      where m."periodId" = ${periodId} and m.status = 'PUBLISHED'
        and (m."campaignId" is null or k."representativeId" = m.id
             or nullif(trim(coalesce(m."addedText", '')), '') is not null)
    )
    select *, count(*) over () as total from c
    where not ${options.uncodedOnly} or not coded
    order by "submittedAt", id
    limit ${options.pageSize} offset ${(options.page - 1) * options.pageSize}`;
  return {
    total: Number(rows[0]?.total ?? 0),
    comments: rows.map(({ total: _total, ...row }) => row),
    page: options.page,
    pageSize: options.pageSize,
  };
}

/** One published comment as the coder sees it: its text, its campaign, what is coded, suggestions. */
export async function commentForCoding(periodId: string, commentId: string) {
  const comment = await prisma.comment.findFirst({
    where: { id: commentId, periodId, status: "PUBLISHED" },
    select: {
      id: true,
      receiptNumber: true,
      displayName: true,
      text: true,
      addedText: true,
      campaign: {
        select: {
          id: true,
          representativeId: true,
          _count: { select: { comments: { where: { status: "PUBLISHED" } } } },
        },
      },
    },
  });
  if (!comment) return null;
  const campaignId = comment.campaign?.id ?? null;
  const passageSelect = {
    id: true,
    commentId: true,
    campaignId: true,
    startIndex: true,
    endIndex: true,
    quote: true,
    topic: { select: { name: true } },
    concern: { select: { statement: true, status: true } },
  } as const;
  const [topics, own, letter, examples] = await Promise.all([
    listTopics(periodId),
    prisma.concernPassage.findMany({
      where: { commentId },
      orderBy: { startIndex: "asc" },
      select: passageSelect,
    }),
    campaignId
      ? prisma.concernPassage.findMany({
          where: { campaignId, NOT: { commentId } },
          orderBy: { startIndex: "asc" },
          select: { ...passageSelect, comment: { select: { receiptNumber: true } } },
        })
      : Promise.resolve([]),
    prisma.concernPassage.findMany({
      where: { periodId, NOT: { commentId }, comment: { status: "PUBLISHED" } },
      orderBy: { createdAt: "desc" },
      take: 500,
      select: {
        topicId: true,
        quote: true,
        topic: { select: { name: true } },
        comment: { select: { receiptNumber: true } },
      },
    }),
  ]);
  const suggestions = suggestTopics(
    comment.text,
    topics,
    examples.map((e) => ({
      topicId: e.topicId,
      topicName: e.topic.name,
      receiptNumber: e.comment.receiptNumber,
      quote: e.quote,
    })),
    own.map((p) => ({ start: p.startIndex, end: p.endIndex })),
  );
  return {
    comment: {
      id: comment.id,
      receiptNumber: comment.receiptNumber,
      displayName: comment.displayName,
      text: comment.text,
      addedText: comment.addedText,
    },
    campaign: comment.campaign
      ? {
          id: comment.campaign.id,
          copies: comment.campaign._count.comments,
          isRepresentative: comment.campaign.representativeId === comment.id,
          representativeId: comment.campaign.representativeId,
        }
      : null,
    topics,
    passages: own,
    letterPassages: letter,
    suggestions,
  };
}

export type PassageInput = { topicId: string; quote: string; wholeCampaign: boolean };

export async function codePassage(periodId: string, commentId: string, input: PassageInput, context: AuditContext) {
  if (!context.actorId) throw new DomainError("Sign in to code comments.", "form", 401);
  const codedById = context.actorId;
  return prisma.$transaction(async (tx) => {
    const comment = await tx.comment.findFirst({
      where: { id: commentId, periodId },
      select: {
        text: true,
        status: true,
        receiptNumber: true,
        campaign: { select: { id: true, representativeId: true } },
      },
    });
    if (!comment) throw new DomainError("This comment is not in this comment period.", "form", 404);
    if (comment.status !== "PUBLISHED") {
      throw new DomainError(
        "Only published comments are coded: this one is hidden or waiting for review.",
        "form",
        409,
      );
    }
    const topic = await tx.codingTopic.findFirst({ where: { id: input.topicId, periodId }, select: { name: true } });
    if (!topic) throw new DomainError("Choose one of this period's topics.", "topicId");
    const located = locateQuote(comment.text, input.quote);
    if (!located) {
      throw new DomainError("The passage is not in this comment's text. Copy it from the comment as written.", "quote");
    }
    let campaignId: string | null = null;
    if (input.wholeCampaign) {
      if (!comment.campaign || comment.campaign.representativeId !== commentId) {
        throw new DomainError(
          "Only a campaign's representative letter is coded for the whole campaign.",
          "wholeCampaign",
        );
      }
      campaignId = comment.campaign.id;
    }
    const existing = await tx.concernPassage.findFirst({
      where: { commentId, topicId: input.topicId, startIndex: located.start, endIndex: located.end },
      select: { id: true },
    });
    if (existing) throw new DomainError(`This passage is already coded ${topic.name}.`, "quote", 409);
    const passage = await tx.concernPassage.create({
      data: {
        periodId,
        commentId,
        campaignId,
        topicId: input.topicId,
        startIndex: located.start,
        endIndex: located.end,
        quote: located.quote,
        codedById,
      },
      select: { id: true },
    });
    await recordAudit(tx, context, {
      action: "coding.codePassage",
      entityType: "ConcernPassage",
      entityId: passage.id,
      after: {
        periodId,
        receipt: comment.receiptNumber,
        topic: topic.name,
        campaignId,
        start: located.start,
        end: located.end,
      },
    });
    return { id: passage.id, topic: topic.name, wholeCampaign: campaignId !== null };
  });
}

/** Uncoding: refused once the passage's concern is answered in public (the answer cites it). */
export async function removePassage(periodId: string, passageId: string, context: AuditContext) {
  return prisma.$transaction(async (tx) => {
    const passage = await tx.concernPassage.findFirst({
      where: { id: passageId, periodId },
      select: { quote: true, commentId: true, concern: { select: { status: true } } },
    });
    if (!passage) throw new DomainError("This passage is not coded in this comment period.", "form", 404);
    if (passage.concern?.status === "PUBLISHED") {
      throw new DomainError("This passage is cited by a published answer and stays coded.", "form", 409);
    }
    await tx.concernPassage.delete({ where: { id: passageId } });
    await recordAudit(tx, context, {
      action: "coding.removePassage",
      entityType: "ConcernPassage",
      entityId: passageId,
      before: { periodId, commentId: passage.commentId, quote: passage.quote },
    });
    return { commentId: passage.commentId };
  });
}
