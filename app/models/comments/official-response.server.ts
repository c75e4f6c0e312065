// The agency's responses to comments: what today is a PDF appendix to the final EIS (CARA's
// "response to comments"), kept next to the comments it answers. One response may answer one comment
// or every comment raising one issue; each answered comment gets its own outbox event, so each
// author can be told where their comment was answered instead of searching a PDF for their name.
import { recordAudit, type AuditContext } from "~/services/audit.server";
import { prisma } from "~/services/db.server";
import { DomainError } from "~/models/errors.server";
import { recordEvents } from "~/models/events/record.server";

export type ResponseInput = { issue: string; text: string; commentIds: string[] };

export async function respondToComments(periodId: string, input: ResponseInput, context: AuditContext) {
  if (!context.actorId) throw new DomainError("Sign in to write an official response.", "form", 401);
  const authorId = context.actorId;
  const issue = input.issue.trim();
  const text = input.text.trim();
  const ids = [...new Set(input.commentIds)];
  if (!issue) throw new DomainError("Name the issue the response answers.", "issue");
  if (!text) throw new DomainError("Write the response.", "text");
  if (ids.length === 0) throw new DomainError("Select the comments this response answers.", "commentIds");
  return prisma.$transaction(async (tx) => {
    const comments = await tx.comment.findMany({
      where: { id: { in: ids }, periodId },
      select: { id: true, receiptNumber: true, period: { select: { projectId: true } } },
    });
    if (comments.length !== ids.length) {
      throw new DomainError("Some of the selected comments are not in this comment period.", "commentIds", 404);
    }
    const now = new Date();
    const response = await tx.officialResponse.create({
      data: {
        periodId,
        issue,
        text,
        authorId,
        createdAt: now,
        comments: { create: comments.map((c) => ({ commentId: c.id })) },
      },
      select: { id: true },
    });
    await recordAudit(tx, context, {
      action: "comment.respond",
      entityType: "OfficialResponse",
      entityId: response.id,
      after: { periodId, issue, receipts: comments.map((c) => c.receiptNumber) },
    });
    // Outbox, one row per answered comment: the notification worker emails each author from it.
    await recordEvents(
      tx,
      comments.map((c) => ({
        type: "comment.responded" as const,
        payload: {
          projectId: c.period.projectId,
          periodId,
          commentId: c.id,
          receiptNumber: c.receiptNumber,
          responseId: response.id,
        },
        occurredAt: now,
      })),
    );
    return { id: response.id, answered: comments.length };
  });
}

/**
 * The period's "response to comments", grouped by issue (alphabetically, responses oldest first).
 * Answered comments that are hidden are listed by receipt number only: the page links the published
 * ones to their place on the comments page.
 */
export async function listResponses(periodId: string) {
  const responses = await prisma.officialResponse.findMany({
    where: { periodId },
    orderBy: [{ issue: "asc" }, { createdAt: "asc" }, { id: "asc" }],
    select: {
      id: true,
      issue: true,
      text: true,
      createdAt: true,
      author: { select: { name: true } },
      comments: {
        select: { comment: { select: { receiptNumber: true, status: true } } },
        orderBy: { comment: { receiptNumber: "asc" } },
      },
    },
  });
  const groups: { issue: string; responses: ResponseEntry[] }[] = [];
  for (const response of responses) {
    const entry: ResponseEntry = {
      id: response.id,
      text: response.text,
      createdAt: response.createdAt,
      authorName: response.author.name,
      answered: response.comments.map(({ comment }) => ({
        receiptNumber: comment.receiptNumber,
        published: comment.status === "PUBLISHED",
      })),
    };
    const last = groups.at(-1);
    if (last?.issue === response.issue) last.responses.push(entry);
    else groups.push({ issue: response.issue, responses: [entry] });
  }
  return groups;
}

type ResponseEntry = {
  id: string;
  text: string;
  createdAt: Date;
  authorName: string;
  answered: { receiptNumber: string; published: boolean }[];
};
