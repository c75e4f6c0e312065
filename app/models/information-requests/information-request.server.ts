// Information requests: an agency asks the company for items by a due date, the company answers
// with text and documents, the agency accepts the answer or returns it. Each change, its audit
// event and its outbox event are written in one transaction. The review clock and the public
// list are derived from this history (information-request-reads.server.ts).
import type { DocumentVisibility, InformationRequestStatus, Prisma, ResponseDecision } from "@prisma/client";
import { recordAudit, type AuditContext } from "~/services/audit.server";
import { prisma } from "~/services/db.server";
import type { StoredUpload } from "~/services/uploads.server";
import { ConflictError, DomainError } from "~/models/errors.server";
import { recordEvent } from "~/models/events/record.server";
import { reserveCompanyStorage } from "~/models/storage-quota.server";

// One import for routes: the reads (public list, clock, confidential detail) live next door.
export {
  clockIntervals,
  getClockAndRequestsForProjectPage,
  getRequestDetail,
  itemsOf,
  projectClock,
  publicRequestList,
  requestLinkOptions,
  reviewClocks,
  type ClockSummary,
  type PublicRequest,
  type RequestDetail,
  type ReviewClockSummary,
} from "./information-request-reads.server";

const REQUEST_CONFLICT =
  "Someone changed this request since you opened the page. Reload to see the latest version, then try again.";

type Tx = Prisma.TransactionClient;
type ProjectRef = { id: string; slug: string; name: string };
type RequestRef = { id: string; title: string; dueDate: Date };

const toIsoDate = (date: Date) => date.toISOString().slice(0, 10);

// The columns are NOT NULL: a request, an answer and a decision always have a person behind them.
function actorIdOf(context: AuditContext): string {
  if (!context.actorId) throw new Error("Information requests are changed only by a signed-in person.");
  return context.actorId;
}

async function loadProject(tx: Tx, projectId: string) {
  const project = await tx.project.findUnique({
    where: { id: projectId },
    select: { id: true, slug: true, name: true, status: true },
  });
  if (!project) throw new DomainError("This project no longer exists.", "form", 404);
  return project;
}

/**
 * The common part of the outbox rows for the notification worker. The payload carries only what
 * the public may know (the title, dates and status, never the items or the answer) because
 * followers of the project may be told; the worker loads confidential details itself, for the
 * people allowed to see them.
 */
function requestFacts(project: ProjectRef, request: RequestRef, context: AuditContext) {
  return {
    projectId: project.id,
    slug: project.slug,
    name: project.name,
    requestId: request.id,
    title: request.title,
    dueDate: toIsoDate(request.dueDate),
    actorId: context.actorId,
  };
}

/**
 * Keeps a linked review's status in step with its requests: "information requested" while any is
 * open or answered, back to "in progress" once all are closed. The review row is locked first so
 * two decisions on the same review's requests at once cannot both see the other still open.
 */
async function syncReviewStatus(tx: Tx, reviewId: string, requestId: string, context: AuditContext) {
  await tx.$queryRaw`select id from "EnvironmentalReview" where id = ${reviewId} for update`;
  const review = await tx.environmentalReview.findUniqueOrThrow({
    where: { id: reviewId },
    select: { status: true },
  });
  if (review.status === "COMPLETE") return;
  const pending = await tx.informationRequest.count({ where: { reviewId, status: { in: ["OPEN", "ANSWERED"] } } });
  const next = pending > 0 ? "INFORMATION_REQUESTED" : review.status === "INFORMATION_REQUESTED" ? "IN_PROGRESS" : null;
  if (!next || next === review.status) return;
  // The version moves too: a reviewer's form opened before this change must reload, not overwrite it.
  await tx.environmentalReview.update({
    where: { id: reviewId },
    data: { status: next, lockVersion: { increment: 1 } },
  });
  await recordAudit(tx, context, {
    action: "review.status.sync",
    entityType: "EnvironmentalReview",
    entityId: reviewId,
    before: { status: review.status },
    after: { status: next, becauseOfRequest: requestId },
  });
}

export type IssueRequestInput = {
  title: string;
  publicSummary: string;
  items: string[];
  dueDate: Date;
  reviewId?: string;
  packageId?: string;
};

export async function issueRequest(projectId: string, input: IssueRequestInput, context: AuditContext) {
  const issuedById = actorIdOf(context);
  if (input.items.length === 0) throw new DomainError("List at least one item the company must provide.", "items");
  return prisma.$transaction(async (tx) => {
    const project = await loadProject(tx, projectId);
    if (project.status !== "IN_PROGRESS" && project.status !== "PAUSED") {
      throw new DomainError("This project has reached a final outcome: no new requests can be sent.", "form", 422);
    }
    // Scoped lookups: an id from the form counts only if it belongs to this project.
    if (input.reviewId) {
      const review = await tx.environmentalReview.findFirst({
        where: { id: input.reviewId, projectId },
        select: { status: true },
      });
      if (!review) throw new DomainError("That review is not part of this project.", "reviewId", 404);
      if (review.status === "COMPLETE") {
        throw new DomainError("That review is complete: choose another or none.", "reviewId", 422);
      }
    }
    if (input.packageId) {
      const found = await tx.permitPackage.findFirst({
        where: { id: input.packageId, projectId },
        select: { id: true },
      });
      if (!found) throw new DomainError("That package is not part of this project.", "packageId", 404);
    }
    const request = await tx.informationRequest.create({
      data: {
        projectId,
        reviewId: input.reviewId ?? null,
        packageId: input.packageId ?? null,
        title: input.title,
        publicSummary: input.publicSummary,
        items: input.items,
        dueDate: input.dueDate,
        issuedById,
      },
    });
    if (request.reviewId) await syncReviewStatus(tx, request.reviewId, request.id, context);
    await recordAudit(tx, context, {
      action: "informationRequest.issue",
      entityType: "InformationRequest",
      entityId: request.id,
      after: {
        projectId,
        title: request.title,
        itemCount: input.items.length,
        dueDate: toIsoDate(request.dueDate),
        reviewId: request.reviewId,
        packageId: request.packageId,
      },
    });
    await recordEvent(tx, "informationRequest.issued", {
      ...requestFacts(project, request, context),
      publicSummary: request.publicSummary,
      issuedAt: request.issuedAt.toISOString(),
      reviewId: request.reviewId,
    });
    return request;
  });
}

function notWaitingMessage(status: InformationRequestStatus) {
  if (status === "ANSWERED") return "This request has already been answered; the agency is reviewing the answer.";
  if (status === "ACCEPTED") return "This request is closed: the agency accepted the answer.";
  if (status === "WITHDRAWN") return "This request was withdrawn by the agency.";
  return "This request is waiting for the company's answer.";
}

export type RespondInput = { text: string; documents: StoredUpload[]; visibility?: DocumentVisibility };

export async function respondToRequest(
  projectId: string,
  requestId: string,
  input: RespondInput,
  context: AuditContext,
) {
  const submittedById = actorIdOf(context);
  return prisma.$transaction(async (tx) => {
    const project = await loadProject(tx, projectId);
    const request = await tx.informationRequest.findFirst({
      where: { id: requestId, projectId },
      select: { id: true, title: true, dueDate: true, status: true, lockVersion: true },
    });
    if (!request) throw new DomainError("That information request is not part of this project.", "form", 404);
    if (request.status !== "OPEN") throw new DomainError(notWaitingMessage(request.status), "form", 409);
    // The status condition makes a second answer sent at the same moment wait for this row, then
    // match nothing: one answer per round, however many colleagues press the button.
    const claimed = await tx.informationRequest.updateMany({
      where: { id: request.id, status: "OPEN" },
      data: { status: "ANSWERED", lockVersion: { increment: 1 } },
    });
    if (claimed.count === 0) throw new DomainError(notWaitingMessage("ANSWERED"), "form", 409);

    const visibility = input.visibility ?? "CONFIDENTIAL";
    if (input.documents.length) {
      await reserveCompanyStorage(
        tx,
        projectId,
        input.documents.reduce((sum, file) => sum + file.sizeBytes, 0),
      );
    }
    const documents = input.documents.length
      ? await tx.document.createManyAndReturn({
          data: input.documents.map((file) => ({
            projectId,
            storageKey: file.storageKey,
            originalName: file.originalName,
            contentType: file.contentType,
            sizeBytes: file.sizeBytes,
            sha256: file.sha256,
            visibility,
            uploadedById: submittedById,
          })),
          select: { id: true },
        })
      : [];
    const response = await tx.informationResponse.create({
      data: {
        requestId: request.id,
        text: input.text,
        submittedById,
        documents: { create: documents.map((d) => ({ documentId: d.id })) },
      },
    });
    // The answer's text stays out of the audit log: administrators read the log, and confidential
    // business information is for the company and the reviewing agencies only.
    await recordAudit(tx, context, {
      action: "informationRequest.respond",
      entityType: "InformationRequest",
      entityId: request.id,
      before: { status: "OPEN", lockVersion: request.lockVersion },
      after: {
        status: "ANSWERED",
        lockVersion: request.lockVersion + 1,
        responseId: response.id,
        textLength: input.text.length,
        documentIds: documents.map((d) => d.id),
        visibility,
      },
    });
    await recordEvent(tx, "informationRequest.answered", {
      ...requestFacts(project, request, context),
      responseId: response.id,
      documentCount: documents.length,
      submittedAt: response.submittedAt.toISOString(),
    });
    return response;
  });
}

export type DecideInput = { decision: ResponseDecision; note?: string; expectedLockVersion: number };

/** Accepts or returns the latest answer. Two reviewers deciding at once: the second gets a conflict. */
export async function decideResponse(projectId: string, requestId: string, input: DecideInput, context: AuditContext) {
  const decidedById = actorIdOf(context);
  if (input.decision === "RETURNED" && !input.note?.trim()) {
    throw new DomainError("Say what is still missing: the company reads this.", "note");
  }
  return prisma.$transaction(async (tx) => {
    const project = await loadProject(tx, projectId);
    const request = await tx.informationRequest.findFirst({
      where: { id: requestId, projectId },
      select: {
        id: true,
        title: true,
        dueDate: true,
        status: true,
        lockVersion: true,
        reviewId: true,
        responses: { orderBy: { submittedAt: "desc" }, take: 1, select: { id: true, decision: true } },
      },
    });
    if (!request) throw new DomainError("That information request is not part of this project.", "form", 404);
    if (request.lockVersion !== input.expectedLockVersion) throw new ConflictError(REQUEST_CONFLICT);
    const latest = request.responses[0];
    if (request.status !== "ANSWERED" || !latest || latest.decision !== null) {
      throw new DomainError("There is no answer waiting for a decision.", "form", 409);
    }
    const accepted = input.decision === "ACCEPTED";
    const now = new Date();
    const updated = await tx.informationRequest.updateMany({
      where: { id: request.id, status: "ANSWERED", lockVersion: input.expectedLockVersion },
      data: {
        status: accepted ? "ACCEPTED" : "OPEN",
        closedAt: accepted ? now : null,
        lockVersion: { increment: 1 },
      },
    });
    if (updated.count === 0) throw new ConflictError(REQUEST_CONFLICT);
    await tx.informationResponse.update({
      where: { id: latest.id },
      data: { decision: input.decision, decisionNote: input.note ?? null, decidedAt: now, decidedById },
    });
    if (request.reviewId) await syncReviewStatus(tx, request.reviewId, request.id, context);
    // The note may quote confidential material, so it stays in the response row, not the log.
    await recordAudit(tx, context, {
      action: accepted ? "informationRequest.accept" : "informationRequest.return",
      entityType: "InformationRequest",
      entityId: request.id,
      before: { status: "ANSWERED", lockVersion: input.expectedLockVersion },
      after: {
        status: accepted ? "ACCEPTED" : "OPEN",
        lockVersion: input.expectedLockVersion + 1,
        responseId: latest.id,
        decision: input.decision,
      },
    });
    await recordEvent(tx, "informationRequest.decided", {
      ...requestFacts(project, request, context),
      responseId: latest.id,
      decision: input.decision,
      status: accepted ? "ACCEPTED" : "OPEN",
      decidedAt: now.toISOString(),
    });
  });
}

/** The agency takes a request back (sent in error, or overtaken by events); it stops counting. */
export async function withdrawRequest(
  projectId: string,
  requestId: string,
  input: { reason: string; expectedLockVersion: number },
  context: AuditContext,
) {
  actorIdOf(context);
  return prisma.$transaction(async (tx) => {
    const project = await loadProject(tx, projectId);
    const request = await tx.informationRequest.findFirst({
      where: { id: requestId, projectId },
      select: { id: true, title: true, dueDate: true, status: true, lockVersion: true, reviewId: true },
    });
    if (!request) throw new DomainError("That information request is not part of this project.", "form", 404);
    if (request.lockVersion !== input.expectedLockVersion) throw new ConflictError(REQUEST_CONFLICT);
    if (request.status !== "OPEN" && request.status !== "ANSWERED") {
      throw new DomainError(notWaitingMessage(request.status), "form", 409);
    }
    const now = new Date();
    const updated = await tx.informationRequest.updateMany({
      where: { id: request.id, lockVersion: input.expectedLockVersion, status: { in: ["OPEN", "ANSWERED"] } },
      data: { status: "WITHDRAWN", closedAt: now, lockVersion: { increment: 1 } },
    });
    if (updated.count === 0) throw new ConflictError(REQUEST_CONFLICT);
    if (request.reviewId) await syncReviewStatus(tx, request.reviewId, request.id, context);
    await recordAudit(tx, context, {
      action: "informationRequest.withdraw",
      entityType: "InformationRequest",
      entityId: request.id,
      before: { status: request.status, lockVersion: input.expectedLockVersion },
      after: { status: "WITHDRAWN", lockVersion: input.expectedLockVersion + 1, reason: input.reason },
    });
    await recordEvent(tx, "informationRequest.withdrawn", {
      ...requestFacts(project, request, context),
      status: "WITHDRAWN",
      closedAt: now.toISOString(),
    });
  });
}
