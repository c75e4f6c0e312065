// The response to comments by concern (docs/decisions/0030-comment-coding.md): coded passages are
// grouped into public concern statements, each answered once. A concern is drafted, then published;
// publishing writes the answer as an OfficialResponse (official-response.server.ts) linked to every
// comment that raised it (each copy of a coded campaign included), so each author is told where
// their comment was answered by the same comment.responded events, and the responses page, the API
// and the appendix all show it.
//
// Public readers (publishedConcerns, concernsForComments) see only published concerns, and of those
// only published comments: a hidden comment's text, name and quote never leave this module.
import type { Prisma } from "@prisma/client";
import { recordAudit, type AuditContext } from "~/services/audit.server";
import { prisma, type DbClient } from "~/services/db.server";
import { ConflictError, DomainError } from "./errors.server";
import { recordEvent, recordEvents } from "./events/record.server";

export async function listConcerns(periodId: string) {
  const concerns = await prisma.concernStatement.findMany({
    where: { periodId },
    orderBy: [{ topic: { position: "asc" } }, { createdAt: "asc" }],
    select: {
      id: true,
      statement: true,
      status: true,
      answer: true,
      topic: { select: { name: true } },
      _count: { select: { passages: true } },
    },
  });
  return concerns.map(({ _count, ...concern }) => ({ ...concern, passages: _count.passages }));
}

export async function createConcern(
  periodId: string,
  input: { topicId: string; statement: string },
  context: AuditContext,
) {
  if (!context.actorId) throw new DomainError("Sign in to write concern statements.", "form", 401);
  const createdById = context.actorId;
  return prisma.$transaction(async (tx) => {
    const topic = await tx.codingTopic.findFirst({ where: { id: input.topicId, periodId }, select: { id: true } });
    if (!topic) throw new DomainError("Choose one of this period's topics.", "topicId");
    const concern = await tx.concernStatement.create({
      data: { periodId, topicId: topic.id, statement: input.statement.trim(), createdById },
      select: { id: true },
    });
    await recordAudit(tx, context, {
      action: "concern.create",
      entityType: "ConcernStatement",
      entityId: concern.id,
      after: { periodId, statement: input.statement.trim() },
    });
    return concern;
  });
}

const passageSelect = {
  id: true,
  quote: true,
  campaignId: true,
  comment: { select: { id: true, receiptNumber: true, displayName: true, status: true } },
  campaign: { select: { _count: { select: { comments: { where: { status: "PUBLISHED" } } } } } },
  topic: { select: { name: true } },
} satisfies Prisma.ConcernPassageSelect;

/** A concern as its author works on it: its passages, and unassigned passages of its topic to add. */
export async function concernForEditing(periodId: string, concernId: string) {
  const concern = await prisma.concernStatement.findFirst({
    where: { id: concernId, periodId },
    select: {
      id: true,
      statement: true,
      answer: true,
      status: true,
      lockVersion: true,
      publishedAt: true,
      responseId: true,
      topic: { select: { id: true, name: true } },
      passages: { select: passageSelect, orderBy: { createdAt: "asc" } },
    },
  });
  if (!concern) return null;
  const candidates = await prisma.concernPassage.findMany({
    where: { periodId, topicId: concern.topic.id, concernId: null, comment: { status: "PUBLISHED" } },
    orderBy: { createdAt: "asc" },
    take: 200,
    select: passageSelect,
  });
  const reach = await commentsRaising(prisma, concernId);
  return { concern, candidates, reach: reach.length };
}

export async function updateConcern(
  periodId: string,
  concernId: string,
  input: { statement: string; answer: string; lockVersion: number },
  context: AuditContext,
) {
  return prisma.$transaction(async (tx) => {
    const updated = await tx.concernStatement.updateMany({
      where: { id: concernId, periodId, status: "DRAFT", lockVersion: input.lockVersion },
      data: { statement: input.statement.trim(), answer: input.answer.trim(), lockVersion: { increment: 1 } },
    });
    if (updated.count === 0) await explainRefusal(tx, periodId, concernId);
    await recordAudit(tx, context, {
      action: "concern.edit",
      entityType: "ConcernStatement",
      entityId: concernId,
      after: { statement: input.statement.trim(), answer: input.answer.trim() },
    });
  });
}

async function explainRefusal(tx: DbClient, periodId: string, concernId: string): Promise<never> {
  const concern = await tx.concernStatement.findFirst({ where: { id: concernId, periodId }, select: { status: true } });
  if (!concern) throw new DomainError("This concern statement is not in this comment period.", "form", 404);
  if (concern.status === "PUBLISHED") {
    throw new DomainError("This answer is published and is part of the public record; it is not edited.", "form", 409);
  }
  throw new ConflictError("Someone changed this concern statement since you opened the page. Reload it and try again.");
}

/** Groups passages under the concern; on a published concern the newly covered comments are told. */
export async function assignPassages(periodId: string, concernId: string, passageIds: string[], context: AuditContext) {
  const ids = [...new Set(passageIds)];
  if (ids.length === 0) throw new DomainError("Select the passages that raise this concern.", "passageIds");
  return prisma.$transaction(async (tx) => {
    const concern = await tx.concernStatement.findFirst({
      where: { id: concernId, periodId },
      select: { status: true },
    });
    if (!concern) throw new DomainError("This concern statement is not in this comment period.", "form", 404);
    const moved = await tx.concernPassage.updateMany({
      where: { id: { in: ids }, periodId, concernId: null, comment: { status: "PUBLISHED" } },
      data: { concernId },
    });
    if (moved.count !== ids.length) {
      throw new DomainError(
        "Some passages are not in this period, are hidden, or belong to another concern already.",
        "passageIds",
        409,
      );
    }
    await recordAudit(tx, context, {
      action: "concern.assignPassages",
      entityType: "ConcernStatement",
      entityId: concernId,
      after: { passageIds: ids },
    });
    if (concern.status === "PUBLISHED") await linkAnsweredComments(tx, concernId);
    return { count: moved.count };
  });
}

export async function unassignPassage(periodId: string, concernId: string, passageId: string, context: AuditContext) {
  return prisma.$transaction(async (tx) => {
    const concern = await tx.concernStatement.findFirst({
      where: { id: concernId, periodId },
      select: { status: true },
    });
    if (!concern) throw new DomainError("This concern statement is not in this comment period.", "form", 404);
    if (concern.status === "PUBLISHED") {
      throw new DomainError("The published answer cites this passage; it stays with the concern.", "form", 409);
    }
    const moved = await tx.concernPassage.updateMany({
      where: { id: passageId, concernId },
      data: { concernId: null },
    });
    if (moved.count === 0) throw new DomainError("This passage is not part of this concern.", "form", 404);
    await recordAudit(tx, context, {
      action: "concern.unassignPassage",
      entityType: "ConcernStatement",
      entityId: concernId,
      before: { passageId },
    });
  });
}

/** Published comments raising the concern: each passage's comment, and every copy of a coded campaign. */
async function commentsRaising(db: DbClient, concernId: string) {
  return db.$queryRaw<{ id: string; receiptNumber: string }[]>`
    select m.id, m."receiptNumber" from "Comment" m
    where m.status = 'PUBLISHED' and (
      m.id in (select p."commentId" from "ConcernPassage" p where p."concernId" = ${concernId})
      or m."campaignId" in (select p."campaignId" from "ConcernPassage" p
                            where p."concernId" = ${concernId} and p."campaignId" is not null))
    order by m."receiptNumber"`;
}

/** Links the concern's answer to every comment raising it not yet linked, one outbox event each. */
async function linkAnsweredComments(tx: DbClient, concernId: string) {
  const concern = await tx.concernStatement.findUniqueOrThrow({
    where: { id: concernId },
    select: { responseId: true, period: { select: { id: true, projectId: true } } },
  });
  if (!concern.responseId) return 0;
  const responseId = concern.responseId;
  const raising = await commentsRaising(tx, concernId);
  const linked = new Set(
    (await tx.officialResponseComment.findMany({ where: { responseId }, select: { commentId: true } })).map(
      (row) => row.commentId,
    ),
  );
  const fresh = raising.filter((comment) => !linked.has(comment.id));
  if (fresh.length === 0) return 0;
  await tx.officialResponseComment.createMany({ data: fresh.map((c) => ({ responseId, commentId: c.id })) });
  const occurredAt = new Date();
  await recordEvents(
    tx,
    fresh.map((c) => ({
      type: "comment.responded" as const,
      payload: {
        projectId: concern.period.projectId,
        periodId: concern.period.id,
        commentId: c.id,
        receiptNumber: c.receiptNumber,
        responseId,
      },
      occurredAt,
    })),
  );
  return fresh.length;
}

/** Publishes the answer: once, with at least one published comment raising the concern. */
export async function publishConcern(periodId: string, concernId: string, lockVersion: number, context: AuditContext) {
  if (!context.actorId) throw new DomainError("Sign in to publish an answer.", "form", 401);
  const authorId = context.actorId;
  return prisma.$transaction(async (tx) => {
    const concern = await tx.concernStatement.findFirst({
      where: { id: concernId, periodId },
      select: {
        status: true,
        lockVersion: true,
        statement: true,
        answer: true,
        topic: { select: { name: true } },
        period: { select: { projectId: true } },
      },
    });
    if (!concern || concern.status !== "DRAFT" || concern.lockVersion !== lockVersion) {
      return explainRefusal(tx, periodId, concernId);
    }
    if (!concern.statement.trim())
      throw new DomainError("State the concern before publishing its answer.", "statement");
    if (!concern.answer.trim()) throw new DomainError("Write the answer before publishing it.", "answer");
    const raising = await commentsRaising(tx, concernId);
    if (raising.length === 0) {
      throw new DomainError("Add at least one passage of a published comment before publishing.", "form", 409);
    }
    const publishedAt = new Date();
    const response = await tx.officialResponse.create({
      data: { periodId, issue: concern.topic.name, text: concern.answer, authorId, createdAt: publishedAt },
      select: { id: true },
    });
    const done = await tx.concernStatement.updateMany({
      where: { id: concernId, status: "DRAFT", lockVersion },
      data: { status: "PUBLISHED", publishedAt, responseId: response.id, lockVersion: { increment: 1 } },
    });
    if (done.count === 0) throw new ConflictError("Someone published or changed this concern a moment ago. Reload it.");
    const answered = await linkAnsweredComments(tx, concernId);
    const campaigns = await tx.concernPassage.findMany({
      where: { concernId, campaignId: { not: null } },
      distinct: ["campaignId"],
      select: { campaignId: true },
    });
    await recordEvent(tx, "concern.published", {
      projectId: concern.period.projectId,
      periodId,
      concernId,
      responseId: response.id,
      topic: concern.topic.name,
      statement: concern.statement,
      commentCount: answered,
      campaignCount: campaigns.length,
      actorId: authorId,
    });
    await recordAudit(tx, context, {
      action: "concern.publish",
      entityType: "ConcernStatement",
      entityId: concernId,
      after: { responseId: response.id, answered },
    });
    return { answered, responseId: response.id };
  });
}
