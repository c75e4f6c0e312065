// Comment intake: one submission becomes one Comment with its attachments, its receipt number, its
// place among form letters, its outbox event and its receipt email (when an address was given), in one
// transaction. A retried POST (double click, flaky connection, proxy retry) carries the same
// idempotency key and gets the same receipt.
//
// Reads CommentPeriod directly: app/models/comment-period.server.ts (another engineer) did not exist
// when this was written; switch to its getPeriod() once it lands.
import { randomBytes } from "node:crypto";
import { Prisma, type SubmitterType } from "@prisma/client";
import { env } from "~/env.server";
import type { AuditContext } from "~/services/audit.server";
import { prisma } from "~/services/db.server";
import { enqueueEmail } from "~/services/email-outbox.server";
import { hit } from "~/services/rate-limit.server";
import type { StoredUpload } from "~/services/uploads.server";
import { assertAcceptingComments, formatDeadline } from "./comment-window";
import { DomainError } from "./errors.server";
import { recordEvent } from "./events/record.server";
import { exactKey } from "./form-letters";

export type SubmitCommentInput = {
  periodId: string;
  idempotencyKey: string;
  submitterType: SubmitterType;
  organizationId?: string | null;
  displayName: string;
  email?: string | null;
  text: string;
  files: StoredUpload[];
  userId?: string | null;
  clientIp: string;
};

export type SubmitCommentResult = {
  receiptNumber: string;
  commentId: string;
  duplicate: boolean;
};

const RATE_WINDOW_SECONDS = 10 * 60;
/**
 * Ten comments in ten minutes from one account: a person commenting on several documents of a
 * period, or splitting a long comment, stays far below it; a script filing in someone's name does not.
 */
export const COMMENT_MAX_PER_ACCOUNT = 10;
/**
 * Thirty in ten minutes from one address: a household, a library or a campus behind one NAT address
 * commenting during a public meeting stays below it. Configurable (COMMENT_MAX_PER_IP) for the
 * benchmark and for events where many people share a network.
 */
export const COMMENT_MAX_PER_IP = env().COMMENT_MAX_PER_IP;

// 32 symbols, none of 0 O 1 I: read over the phone or copied by hand without ambiguity. A power of
// two, so masking a random byte picks each symbol equally often. 8 symbols = 40 bits.
const RECEIPT_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
export const RECEIPT_PATTERN = /^LDS-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}$/;

export function newReceiptNumber(): string {
  const symbols = Array.from(randomBytes(8), (byte) => RECEIPT_ALPHABET[byte & 31]).join("");
  return `LDS-${symbols.slice(0, 4)}-${symbols.slice(4)}`;
}

const RECEIPT_ATTEMPTS = 5;

/** Accepts a comment, or returns the one already accepted under the same idempotency key. */
export async function submitComment(input: SubmitCommentInput, context: AuditContext): Promise<SubmitCommentResult> {
  const earlier = await findByIdempotencyKey(input.periodId, input.idempotencyKey);
  if (earlier) return earlier;

  if (input.submitterType !== "ANONYMOUS" && !input.userId) {
    throw new DomainError("Sign in to comment under your name or for an organization.", "submitterType", 401);
  }
  if (input.submitterType === "ORGANIZATION") await assertMember(input.userId ?? "", input.organizationId ?? "");
  await enforceRateLimits(input);
  // Identical copies share this key; the rest of the fingerprint is computed by the grouping run.
  const textKey = exactKey(input.text);

  for (let attempt = 1; ; attempt++) {
    try {
      return await insertComment(input, textKey, context);
    } catch (error) {
      if (!(error instanceof Prisma.PrismaClientKnownRequestError) || error.code !== "P2002") throw error;
      // Either another request with this key committed first (return its receipt), or the receipt
      // number was taken (1 in 10^12 per existing comment: draw another).
      const winner = await findByIdempotencyKey(input.periodId, input.idempotencyKey);
      if (winner) return winner;
      if (attempt >= RECEIPT_ATTEMPTS) throw error;
    }
  }
}

async function findByIdempotencyKey(periodId: string, idempotencyKey: string): Promise<SubmitCommentResult | null> {
  const found = await prisma.comment.findUnique({
    where: { periodId_idempotencyKey: { periodId, idempotencyKey } },
    select: { id: true, receiptNumber: true },
  });
  return found ? { receiptNumber: found.receiptNumber, commentId: found.id, duplicate: true } : null;
}

// The route asks the policy with the actor's memberships; this re-reads them, since the form names
// the organization and a membership can end between page load and submission.
async function assertMember(userId: string, organizationId: string): Promise<void> {
  const membership = await prisma.membership.findUnique({
    where: { userId_organizationId: { userId, organizationId } },
    select: { id: true },
  });
  if (!membership) {
    throw new DomainError(
      "You can comment on behalf of an organization only if you are a member of it.",
      "organizationId",
      403,
    );
  }
}

async function enforceRateLimits(input: SubmitCommentInput): Promise<void> {
  if (input.userId) {
    const account = await hit(prisma, `comment:account:${input.userId}`, RATE_WINDOW_SECONDS);
    if (account.count > COMMENT_MAX_PER_ACCOUNT) {
      throw new DomainError(
        `Your account has sent ${COMMENT_MAX_PER_ACCOUNT} comments in the last 10 minutes, the most we accept in that time. Please send this one in ${minutesUntil(account.resetAt)}; your text is kept below.`,
        "form",
        429,
      );
    }
  }
  const network = await hit(prisma, `comment:ip:${input.clientIp}`, RATE_WINDOW_SECONDS);
  if (network.count > COMMENT_MAX_PER_IP) {
    throw new DomainError(
      `Many comments (${COMMENT_MAX_PER_IP} in 10 minutes) have come from your network, the most we accept from one address in that time. Please send this one in ${minutesUntil(network.resetAt)}; your text is kept below.`,
      "form",
      429,
    );
  }
}

function minutesUntil(when: Date): string {
  const minutes = Math.max(1, Math.ceil((when.getTime() - Date.now()) / 60_000));
  return minutes === 1 ? "1 minute" : `${minutes} minutes`;
}

async function insertComment(
  input: SubmitCommentInput,
  textKey: string,
  context: AuditContext,
): Promise<SubmitCommentResult> {
  return prisma.$transaction(
    async (tx) => {
      const period = await tx.commentPeriod.findUnique({
        where: { id: input.periodId },
        select: {
          id: true,
          title: true,
          opensAt: true,
          closesAt: true,
          timeZone: true,
          allowAnonymous: true,
          projectId: true,
          project: { select: { name: true } },
        },
      });
      if (!period) throw new DomainError("There is no comment period at this address.", "form", 404);
      if (input.submitterType === "ANONYMOUS" && !period.allowAnonymous) {
        throw new DomainError(
          "This comment period does not accept anonymous comments. Sign in to comment under your name.",
          "submitterType",
          403,
        );
      }
      // The instant judged is the instant recorded as submittedAt, taken inside the transaction right
      // before the insert: the app's clock stands in for the database's now(), and the two agree to
      // well under the millisecond-level care the window rule takes (hosts run NTP).
      const now = new Date();
      const verdict = assertAcceptingComments(period, now);
      if (!verdict.ok) throw new DomainError(verdict.reason, "form", 409);

      const anonymous = input.submitterType === "ANONYMOUS";
      const comment = await tx.comment.create({
        data: {
          periodId: period.id,
          receiptNumber: newReceiptNumber(),
          idempotencyKey: input.idempotencyKey,
          submitterType: input.submitterType,
          // Anonymous means the record does not say who: the account only counted for the rate limit.
          userId: anonymous ? null : (input.userId ?? null),
          organizationId: input.submitterType === "ORGANIZATION" ? (input.organizationId ?? null) : null,
          displayName: anonymous ? "Anonymous" : input.displayName.trim(),
          email: input.email || null,
          text: input.text.trim(),
          exactKey: textKey,
          submittedAt: now,
        },
        select: { id: true, receiptNumber: true, displayName: true, email: true, text: true },
      });
      if (input.files.length > 0) {
        await tx.commentAttachment.createMany({
          data: input.files.map((file) => ({ commentId: comment.id, ...file })),
        });
      }
      await recordEvent(
        tx,
        "comment.submitted",
        {
          projectId: period.projectId,
          periodId: period.id,
          commentId: comment.id,
          receiptNumber: comment.receiptNumber,
          emailPresent: Boolean(input.email),
          actorId: context.actorId,
          requestId: context.requestId,
        },
        { occurredAt: now, personal: { text: comment.text, name: comment.displayName } },
      );
      if (comment.email) await enqueueReceipt(tx, { ...comment, email: comment.email, submittedAt: now }, period);
      // Grouping happens after the commit (requestGrouping), so a surge is not serialised here.
      return { receiptNumber: comment.receiptNumber, commentId: comment.id, duplicate: false };
    },
    // Under a surge, transactions queue for a connection and for the period's grouping lock.
    { maxWait: 15_000, timeout: 30_000 },
  );
}

/**
 * The receipt email, queued in the comment's own transaction: a comment accepted is a receipt sent,
 * once (its key is the comment's), whenever the provider lets it through. The request does not wait.
 */
async function enqueueReceipt(
  tx: Prisma.TransactionClient,
  comment: { id: string; receiptNumber: string; displayName: string; email: string; submittedAt: Date },
  period: { id: string; title: string; timeZone: string; project: { name: string } },
) {
  await enqueueEmail(tx, {
    template: "comment-receipt",
    to: comment.email,
    idempotencyKey: `comment-receipt/${comment.id}`,
    props: {
      receiptNumber: comment.receiptNumber,
      displayName: comment.displayName,
      periodTitle: period.title,
      projectName: period.project.name,
      submittedAt: formatDeadline(comment.submittedAt, period.timeZone),
      commentUrl: `${env().APP_URL}/comment-periods/${period.id}/comments#${comment.receiptNumber}`,
      receiptUrl: `${env().APP_URL}/comment-periods/${period.id}/receipt/${comment.receiptNumber}`,
    },
  });
}

export type CommentReceiptView = NonNullable<Awaited<ReturnType<typeof getReceipt>>>;

/** What the receipt page shows. The email address is never part of it. */
export async function getReceipt(periodId: string, receiptNumber: string) {
  if (!RECEIPT_PATTERN.test(receiptNumber)) return null;
  const found = await prisma.comment.findUnique({
    where: { receiptNumber },
    select: {
      id: true,
      userId: true,
      periodId: true,
      receiptNumber: true,
      submitterType: true,
      displayName: true,
      submittedAt: true,
      status: true,
      email: true,
      _count: { select: { attachments: true } },
      period: {
        select: {
          id: true,
          title: true,
          closesAt: true,
          timeZone: true,
          project: { select: { slug: true, name: true } },
        },
      },
    },
  });
  if (!found || found.periodId !== periodId) return null;
  const { email, _count, ...rest } = found;
  return { ...rest, emailed: email !== null, attachmentCount: _count.attachments };
}

/** The period as the comment form needs it; null when there is none. */
export async function getPeriodForCommenting(periodId: string) {
  return prisma.commentPeriod.findUnique({
    where: { id: periodId },
    select: {
      id: true,
      title: true,
      description: true,
      opensAt: true,
      closesAt: true,
      timeZone: true,
      allowAnonymous: true,
      project: {
        select: {
          slug: true,
          name: true,
          companyId: true,
          leadAgencyId: true,
          status: true,
          cooperatingAgencies: { select: { agencyId: true } },
        },
      },
    },
  });
}

/** The organizations a user may comment for, for the form's select. */
export async function commenterOrganizations(userId: string) {
  const memberships = await prisma.membership.findMany({
    where: { userId },
    select: { organization: { select: { id: true, name: true } } },
    orderBy: { organization: { name: "asc" } },
  });
  return memberships.map((m) => m.organization);
}
