// Comment intake: one submission becomes one Comment with its attachments, its receipt number, its
// place among form letters, its outbox event and its receipt email (when an address was given), in one
// statement (decision 0032: the intake's cost under a surge). A retried POST (double click, flaky connection, proxy retry) carries the same
// idempotency key and gets the same receipt.
//
// Reads CommentPeriod itself, inside that one statement: whether the period is open is decided at
// the moment of the insert, not by an earlier read through comment-period.server.ts.
import { randomBytes, randomUUID } from "node:crypto";
import type { SubmitterType } from "@prisma/client";
import type { CommentReceiptProps } from "../../../emails/comment-receipt";
import { env } from "~/env.server";
import type { AuditContext } from "~/services/audit.server";
import { prisma, sqlPool } from "~/services/db.server";
import type { StoredUpload } from "~/services/uploads.server";
import { assertAcceptingComments, formatDeadline } from "./comment-window";
import { DomainError } from "~/models/errors.server";
import { eventRow, logRow } from "~/models/events/record.server";
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

/** What the intake needs of the period besides its window (the route has already read it). */
export type IntakePeriod = {
  id: string;
  title: string;
  timeZone: string;
  projectId: string;
  project: { name: string };
};

/** Accepts a comment, or returns the one already accepted under the same idempotency key. */
export async function submitComment(
  input: SubmitCommentInput & { period?: IntakePeriod },
  context: AuditContext,
): Promise<SubmitCommentResult> {
  if (input.submitterType !== "ANONYMOUS" && !input.userId) {
    const earlier = await findByIdempotencyKey(input.periodId, input.idempotencyKey);
    if (earlier) return earlier;
    throw new DomainError("Sign in to comment under your name or for an organization.", "submitterType", 401);
  }
  if (input.submitterType === "ORGANIZATION") await assertMember(input.userId ?? "", input.organizationId ?? "");
  const period = input.period ?? (await readIntakePeriod(input.periodId));
  if (!period) throw new DomainError("There is no comment period at this address.", "form", 404);
  // Identical copies share this key; the rest of the fingerprint is computed by the grouping run.
  const textKey = exactKey(input.text);

  for (let attempt = 1; ; attempt++) {
    const outcome = await acceptComment(input, period, textKey, context);
    if (outcome.kind === "accepted" || outcome.kind === "duplicate") return outcome.result;
    if (outcome.kind === "refused") throw outcome.error;
    // The insert met a unique key: either another request with this key committed first (return its
    // receipt), or the receipt number was taken (1 in 10^12 per existing comment: draw another).
    const winner = await findByIdempotencyKey(input.periodId, input.idempotencyKey);
    if (winner) return winner;
    if (attempt >= RECEIPT_ATTEMPTS) throw new Error("No free receipt number after several draws.");
  }
}

async function readIntakePeriod(periodId: string): Promise<IntakePeriod | null> {
  return prisma.commentPeriod.findUnique({
    where: { id: periodId },
    select: { id: true, title: true, timeZone: true, projectId: true, project: { select: { name: true } } },
  });
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

function minutesUntil(when: Date): string {
  const minutes = Math.max(1, Math.ceil((when.getTime() - Date.now()) / 60_000));
  return minutes === 1 ? "1 minute" : `${minutes} minutes`;
}

type Outcome =
  | { kind: "accepted" | "duplicate"; result: SubmitCommentResult }
  | { kind: "refused"; error: DomainError }
  | { kind: "conflict" };

type AcceptRow = {
  existing_id: string | null;
  existing_receipt: string | null;
  period_found: boolean;
  opens_at: Date | null;
  closes_at: Date | null;
  allow_anonymous: boolean | null;
  account_count: number | null;
  account_reset: Date | null;
  network_count: number | null;
  network_reset: Date | null;
  inserted_id: string | null;
};

// The whole intake in ONE statement, one round trip, one implicit transaction (decision 0032):
// the idempotency check, the period's window and anonymity rule at this instant, the rate-limit
// buckets (account and address; a retry found by its key counts against neither), the comment and
// its attachments, the comment.submitted event with its public-log entry and the salt of its
// commitment (as recordEvent writes them), and the receipt email in the outbox. Each insert reads
// from the one before, so a refused or repeated submission writes nothing but its bucket hits.
// Timestamps go in as UTC wall-clock text, as Prisma writes them (timestamp without time zone).
// The DomainEvent row triggers run as for any event (the response cache's announcement). The
// receipt email is not woken here: the worker looks for waiting emails every second (a wake per
// comment made every intake with an address wait for the one job row of the sender).
const ACCEPT_SQL = `
with existing as (
  select id, "receiptNumber" from "Comment" where "periodId" = $1 and "idempotencyKey" = $2
), period as (
  select p.id, p."opensAt", p."closesAt", p."allowAnonymous",
    (p."opensAt" <= $3::timestamp(3) and $3::timestamp(3) < p."closesAt" and (p."allowAnonymous" or not $4::boolean)
      and not exists (select 1 from existing)) as ok
  from "CommentPeriod" p where p.id = $1
), account as (
  insert into "RateLimitBucket" ("key", "count", "resetAt")
  select $5::text, 1, now() + make_interval(secs => $7::int) from period where ok and $5::text is not null
  on conflict ("key") do update set
    "count" = case when "RateLimitBucket"."resetAt" <= now() then 1 else "RateLimitBucket"."count" + 1 end,
    "resetAt" = case when "RateLimitBucket"."resetAt" <= now()
      then now() + make_interval(secs => $7::int) else "RateLimitBucket"."resetAt" end
  returning "count", "resetAt"
), network as (
  insert into "RateLimitBucket" ("key", "count", "resetAt")
  select $6::text, 1, now() + make_interval(secs => $7::int) from period where ok
  on conflict ("key") do update set
    "count" = case when "RateLimitBucket"."resetAt" <= now() then 1 else "RateLimitBucket"."count" + 1 end,
    "resetAt" = case when "RateLimitBucket"."resetAt" <= now()
      then now() + make_interval(secs => $7::int) else "RateLimitBucket"."resetAt" end
  returning "count", "resetAt"
), comment as (
  insert into "Comment" (id, "periodId", "receiptNumber", "idempotencyKey", "submitterType", "userId",
    "organizationId", "displayName", email, text, "exactKey", "submittedAt")
  select $10, $1, $11, $2, $12::"SubmitterType", $13, $14, $15, $16, $17, $18, $3::timestamp(3)
  from period
  where ok and (select "count" from network) <= $9::int and coalesce((select "count" from account), 0) <= $8::int
  on conflict do nothing
  returning id
), attachment as (
  insert into "CommentAttachment" (id, "commentId", "storageKey", "originalName", "contentType", "sizeBytes", sha256)
  select f.id, c.id, f."storageKey", f."originalName", f."contentType", f."sizeBytes", f.sha256
  from comment c, jsonb_to_recordset($27::jsonb) as f(id text, "storageKey" text, "originalName" text,
    "contentType" text, "sizeBytes" int, sha256 text)
), event as (
  insert into "DomainEvent" (id, type, "aggregateId", payload, "occurredAt")
  select $19, 'comment.submitted', $20, $21::jsonb, $3::timestamp(3) from comment
), entry as (
  insert into "LogPending" ("eventId", "type", "projectId", "body")
  select $19, 'comment.submitted', $22, $23 from comment
), commitment as (
  insert into "LogCommitment" ("eventId", "salt") select $19, $24::bytea from comment
), receipt as (
  insert into "EmailDelivery" ("idempotencyKey", "template", "toEmail", "userId", "props")
  select $25, 'comment-receipt', $16, null, $26::jsonb from comment where $16::text is not null
  on conflict ("idempotencyKey") do nothing
)
select
  (select id from existing) as existing_id,
  (select "receiptNumber" from existing) as existing_receipt,
  exists (select 1 from period) as period_found,
  (select "opensAt" from period) as opens_at,
  (select "closesAt" from period) as closes_at,
  (select "allowAnonymous" from period) as allow_anonymous,
  (select "count" from account) as account_count,
  (select "resetAt" from account) as account_reset,
  (select "count" from network) as network_count,
  (select "resetAt" from network) as network_reset,
  (select id from comment) as inserted_id`;

async function acceptComment(
  input: SubmitCommentInput,
  period: IntakePeriod,
  textKey: string,
  context: AuditContext,
): Promise<Outcome> {
  // The instant judged is the instant recorded as submittedAt: the app's clock stands in for the
  // database's now(), and the two agree to well under the millisecond-level care the window rule
  // takes (hosts run NTP).
  const now = new Date();
  const anonymous = input.submitterType === "ANONYMOUS";
  const commentId = randomUUID();
  const receiptNumber = newReceiptNumber();
  const displayName = anonymous ? "Anonymous" : input.displayName.trim();
  const text = input.text.trim();
  const email = input.email || null;
  const payload = {
    projectId: period.projectId,
    periodId: period.id,
    commentId,
    receiptNumber,
    emailPresent: Boolean(input.email),
    actorId: context.actorId,
    requestId: context.requestId,
  };
  // The same checks and the same rows as recordEvent("comment.submitted", ...).
  const eventId = randomUUID();
  const event = eventRow("comment.submitted", payload, { occurredAt: now });
  const entry = logRow("comment.submitted", payload, eventId, now, { text, name: displayName });
  if (!entry?.salt) throw new Error("comment.submitted must be a public event that commits to its text.");
  const receipt = email ? receiptProps({ id: commentId, receiptNumber, displayName, submittedAt: now }, period) : null;

  const { rows } = await sqlPool().query<AcceptRow>(ACCEPT_SQL, [
    period.id, // $1
    input.idempotencyKey,
    now.toISOString(),
    anonymous,
    input.userId ? `comment:account:${input.userId}` : null, // $5
    `comment:ip:${input.clientIp}`,
    RATE_WINDOW_SECONDS,
    COMMENT_MAX_PER_ACCOUNT,
    COMMENT_MAX_PER_IP,
    commentId, // $10
    receiptNumber,
    input.submitterType,
    // Anonymous means the record does not say who: the account only counted for the rate limit.
    anonymous ? null : (input.userId ?? null),
    input.submitterType === "ORGANIZATION" ? (input.organizationId ?? null) : null,
    displayName, // $15
    email,
    text,
    textKey,
    eventId,
    event.aggregateId, // $20
    JSON.stringify(event.payload),
    entry.projectId,
    entry.body,
    entry.salt,
    `comment-receipt/${commentId}`, // $25
    receipt ? JSON.stringify(receipt) : null,
    JSON.stringify(input.files.map((file) => ({ id: randomUUID(), ...file }))),
  ]);
  const row = rows[0];
  if (row.existing_id && row.existing_receipt) {
    return {
      kind: "duplicate",
      result: { receiptNumber: row.existing_receipt, commentId: row.existing_id, duplicate: true },
    };
  }
  if (row.inserted_id) return { kind: "accepted", result: { receiptNumber, commentId, duplicate: false } };
  if (!row.period_found || !row.opens_at || !row.closes_at) {
    return { kind: "refused", error: new DomainError("There is no comment period at this address.", "form", 404) };
  }
  if (anonymous && !row.allow_anonymous) {
    return {
      kind: "refused",
      error: new DomainError(
        "This comment period does not accept anonymous comments. Sign in to comment under your name.",
        "submitterType",
        403,
      ),
    };
  }
  // pg reads timestamp without time zone as local time; the column holds UTC wall time.
  const utc = (value: Date) => new Date(value.getTime() - value.getTimezoneOffset() * 60_000);
  const verdict = assertAcceptingComments(
    { opensAt: utc(row.opens_at), closesAt: utc(row.closes_at), timeZone: period.timeZone },
    now,
  );
  if (!verdict.ok) return { kind: "refused", error: new DomainError(verdict.reason, "form", 409) };
  if (row.account_count !== null && row.account_reset && row.account_count > COMMENT_MAX_PER_ACCOUNT) {
    return {
      kind: "refused",
      error: new DomainError(
        `Your account has sent ${COMMENT_MAX_PER_ACCOUNT} comments in the last 10 minutes, the most we accept in that time. Please send this one in ${minutesUntil(utc(row.account_reset))}; your text is kept below.`,
        "form",
        429,
      ),
    };
  }
  if (row.network_count !== null && row.network_reset && row.network_count > COMMENT_MAX_PER_IP) {
    return {
      kind: "refused",
      error: new DomainError(
        `Many comments (${COMMENT_MAX_PER_IP} in 10 minutes) have come from your network, the most we accept from one address in that time. Please send this one in ${minutesUntil(utc(row.network_reset))}; your text is kept below.`,
        "form",
        429,
      ),
    };
  }
  return { kind: "conflict" };
}

/** The receipt email's props: a comment accepted is a receipt sent, once (its key is the comment's). */
function receiptProps(
  comment: { id: string; receiptNumber: string; displayName: string; submittedAt: Date },
  period: IntakePeriod,
): CommentReceiptProps {
  return {
    receiptNumber: comment.receiptNumber,
    displayName: comment.displayName,
    periodTitle: period.title,
    projectName: period.project.name,
    submittedAt: formatDeadline(comment.submittedAt, period.timeZone),
    commentUrl: `${env().APP_URL}/comment-periods/${period.id}/comments#${comment.receiptNumber}`,
    receiptUrl: `${env().APP_URL}/comment-periods/${period.id}/receipt/${comment.receiptNumber}`,
  };
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
      projectId: true,
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
