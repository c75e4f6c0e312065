// Comment intake against a real PostgreSQL: receipts, idempotency, the window, who may comment,
// abuse controls, form-letter grouping as comments arrive (also under concurrency) and the receipt email.
import { groupPendingComments, requestGrouping } from "~/models/comments/comment-grouping.server";
import { randomUUID } from "node:crypto";
import type { AppLoadContext } from "@remix-run/node";
import { beforeEach, describe, expect, it } from "vitest";
import {
  COMMENT_MAX_PER_IP,
  RECEIPT_PATTERN,
  newReceiptNumber,
  submitComment,
  type SubmitCommentInput,
} from "~/models/comments/comment-intake.server";
import { DomainError } from "~/models/errors.server";
import { action } from "~/routes/comment-periods.$periodId.comment";
import { prisma, sqlPool } from "~/services/db.server";
import { hasWaitingEmails, SEND_TRANSACTIONAL_TASK, wakeTransactionalSender } from "~/services/email-outbox.server";
import { createIntakePeriod } from "../support/comment-factories";
import { mailbox } from "../support/database";
import { queuedJobs, sendQueuedEmails } from "../support/email-queue";
import { addMember, createOrganization, createUser } from "../support/factories";

const LETTER = [
  "I am writing to oppose the proposed open pit mine in the Montana Mountains.",
  "The draft environmental impact statement does not show how the project will protect groundwater",
  "in the Quinn River valley, where ranch wells and the town of Orovada depend on a shallow aquifer.",
  "The pumping model assumes recharge rates that the Bureau's own hydrologists called optimistic,",
  "and the monitoring plan has no trigger that would stop pumping if springs begin to fail.",
  "Sage grouse leks within four miles of the pit are not analysed for noise or lighting effects,",
  "and the cumulative effects section leaves out the two exploration projects approved last year.",
  "Please extend the comment period by sixty days, hold a public meeting in Orovada,",
  "and prepare a supplemental analysis that models a drought year before any decision is made.",
  "Our community has lived with this land for generations and deserves a complete record.",
].join(" ");

const ADDED =
  "My family has run cattle on the Quinn River allotment since 1952 and our stock well dropped eleven feet during the last drought without any mine pumping at all.";

const UNRELATED = [
  "The transportation plan routes ore trucks through the school zone on State Route 293 twice an hour.",
  "I drive a school bus on that road and the shoulders are too narrow for a loaded haul truck to pass safely.",
  "Please require a bypass or limit haul hours to times when buses are not running.",
].join(" ");

let period: Awaited<ReturnType<typeof createIntakePeriod>>["period"];
const context = { actorId: null, requestId: "req-intake" };

// Each submission from its own address unless a test says otherwise, so the IP limit stays out of the way.
const ip = () => `198.51.100.${Math.floor(Math.random() * 250)}-${randomUUID().slice(0, 8)}`;

function input(overrides: Partial<SubmitCommentInput> = {}): SubmitCommentInput {
  return {
    periodId: period.id,
    idempotencyKey: randomUUID(),
    submitterType: "ANONYMOUS",
    displayName: "",
    text: LETTER,
    files: [],
    clientIp: ip(),
    ...overrides,
  };
}

async function refusal(promise: Promise<unknown>): Promise<DomainError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DomainError);
  return error as DomainError;
}

beforeEach(async () => {
  ({ period } = await createIntakePeriod({ allowAnonymous: true }));
});

describe("receipts and idempotency", () => {
  it("gives each comment a distinct LDS-XXXX-XXXX receipt without ambiguous characters", async () => {
    for (let i = 0; i < 2000; i++) expect(newReceiptNumber()).toMatch(RECEIPT_PATTERN);
    expect(Array.from({ length: 2000 }, newReceiptNumber).join("")).not.toMatch(/[01OI]/);
    const results = await Promise.all(
      [1, 2, 3, 4, 5].map((n) => submitComment(input({ text: `${n} ${UNRELATED}` }), context)),
    );
    const receipts = results.map((r) => r.receiptNumber);
    expect(new Set(receipts).size).toBe(5);
    for (const receipt of receipts) expect(receipt).toMatch(RECEIPT_PATTERN);
  });

  it("records the comment.submitted event without queueing a dispatch job (nobody is notified of it)", async () => {
    const jobsBefore = await prisma.$queryRaw<{ n: number }[]>`
      select count(*)::int as n from graphile_worker._private_jobs`;
    const result = await submitComment(input({ text: `queue check ${UNRELATED}` }), context);
    const event = await prisma.domainEvent.findFirst({
      where: { type: "comment.submitted", payload: { path: ["commentId"], equals: result.commentId } },
    });
    expect(event).not.toBeNull();
    const jobsAfter = await prisma.$queryRaw<{ n: number }[]>`
      select count(*)::int as n from graphile_worker._private_jobs`;
    expect(jobsAfter[0]?.n).toBe(jobsBefore[0]?.n);
  });

  it("answers a retried POST with the same receipt and stores one comment", async () => {
    const request = input();
    const first = await submitComment(request, context);
    const second = await submitComment({ ...request, clientIp: ip() }, context);
    expect(first.duplicate).toBe(false);
    expect(second).toEqual({ receiptNumber: first.receiptNumber, commentId: first.commentId, duplicate: true });
    expect(await prisma.comment.count({ where: { periodId: period.id } })).toBe(1);
  });

  it("stores one comment when the same key arrives twice at the same moment", async () => {
    const request = input();
    const results = await Promise.all([submitComment(request, context), submitComment({ ...request }, context)]);
    expect(new Set(results.map((r) => r.receiptNumber)).size).toBe(1);
    expect(results.filter((r) => r.duplicate)).toHaveLength(1);
    expect(await prisma.comment.count({ where: { periodId: period.id } })).toBe(1);
  });
});

describe("who may comment, and when", () => {
  it("refuses a period that closed a second ago, with the deadline in the agency's zone", async () => {
    const closed = await createIntakePeriod({ closesAt: new Date(Date.now() - 1000) });
    const error = await refusal(submitComment(input({ periodId: closed.period.id }), context));
    expect(error.status).toBe(409);
    expect(error.message).toMatch(/^This comment period closed on .*\(America\/Denver\)\.$/);
    expect(await prisma.comment.count({ where: { periodId: closed.period.id } })).toBe(0);
    await expect(submitComment(input(), context)).resolves.toMatchObject({ duplicate: false });
  });

  it("refuses anonymous comments where the period does not allow them", async () => {
    const named = await createIntakePeriod({ allowAnonymous: false });
    const error = await refusal(submitComment(input({ periodId: named.period.id }), context));
    expect(error.status).toBe(403);
    expect(error.field).toBe("submitterType");
  });

  it("accepts a comment on behalf of an organization only from its members", async () => {
    const user = await createUser();
    const ngo = await createOrganization("NGO");
    const asNgo = () =>
      input({
        submitterType: "ORGANIZATION",
        organizationId: ngo.id,
        userId: user.id,
        displayName: "Great Basin Water",
      });
    const error = await refusal(submitComment(asNgo(), context));
    expect(error.status).toBe(403);
    await addMember(user.id, ngo.id);
    const accepted = await submitComment(asNgo(), context);
    const stored = await prisma.comment.findUniqueOrThrow({ where: { id: accepted.commentId } });
    expect(stored).toMatchObject({ submitterType: "ORGANIZATION", organizationId: ngo.id, userId: user.id });
  });
});

describe("abuse controls", () => {
  it(`refuses the ${COMMENT_MAX_PER_IP + 1}st comment from one address in ten minutes and says when to retry`, async () => {
    const clientIp = "203.0.113.7";
    for (let i = 0; i < COMMENT_MAX_PER_IP; i++) {
      await submitComment(input({ clientIp, text: `Comment ${i}: ${UNRELATED}` }), context);
    }
    const error = await refusal(submitComment(input({ clientIp }), context));
    expect(error.status).toBe(429);
    expect(error.message).toMatch(/Please send this one in (10 minutes|[1-9] minutes?)/);
  });

  it("answers a filled honeypot like a success and stores nothing", async () => {
    const form = new FormData();
    const fields = {
      submitterType: "ANONYMOUS",
      text: LETTER,
      idempotencyKey: randomUUID(),
      website: "https://spam.example",
    };
    for (const [name, value] of Object.entries(fields)) form.append(name, value);
    const request = new Request(`http://localhost:3000/comment-periods/${period.id}/comment`, {
      method: "POST",
      body: form,
    });
    const loadContext = { requestId: "req-honeypot", clientIp: ip() } as AppLoadContext;
    const response = await action({ request, params: { periodId: period.id }, context: loadContext });
    expect(response).toBeInstanceOf(Response);
    const redirect = response as Response;
    expect(redirect.status).toBe(303);
    expect(redirect.headers.get("Location")).toMatch(
      new RegExp(`^/comment-periods/${period.id}/receipt/LDS-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}$`),
    );
    expect(await prisma.comment.count({ where: { periodId: period.id } })).toBe(0);
  });
});

describe("form-letter grouping as comments arrive", () => {
  const members = (campaignId: string) => prisma.comment.count({ where: { campaignId } });
  const placed = async (commentId: string) =>
    prisma.comment.findUniqueOrThrow({
      where: { id: commentId },
      select: { campaignId: true, addedText: true, similarity: true },
    });

  it("puts identical letters in one campaign, joins a copy with an added paragraph, and keeps an unrelated letter apart", async () => {
    const copies = [];
    for (let i = 0; i < 3; i++) copies.push(await submitComment(input(), context));
    // Accepted first, grouped right after: nothing is in a campaign until the run.
    expect((await placed(copies[0].commentId)).campaignId).toBeNull();
    expect(await groupPendingComments(period.id)).toBe(3);
    const campaignIds = new Set(await Promise.all(copies.map(async (c) => (await placed(c.commentId)).campaignId)));
    expect(campaignIds.size).toBe(1);
    const [campaignId] = campaignIds;
    expect(await members(campaignId ?? "")).toBe(3);

    const withParagraph = await submitComment(input({ text: `${LETTER}\n\n${ADDED}` }), context);
    await requestGrouping(period.id);
    const near = await placed(withParagraph.commentId);
    expect(near.campaignId).toBe(campaignId);
    expect(near.addedText).toContain("my family has run cattle on the quinn river allotment");
    expect(near.similarity).toBeGreaterThan(0.65);
    expect(near.similarity).toBeLessThan(1);

    const unrelated = await submitComment(input({ text: UNRELATED }), context);
    await requestGrouping(period.id);
    const apart = await placed(unrelated.commentId);
    expect(apart.campaignId).not.toBe(campaignId);
    expect(await members(apart.campaignId ?? "")).toBe(1);
    expect(await prisma.campaign.count({ where: { periodId: period.id } })).toBe(2);
  });

  it("ends 20 simultaneous copies of a new letter in one campaign, grouped by concurrent runs", async () => {
    const results = await Promise.all(
      Array.from({ length: 20 }, async () => {
        const result = await submitComment(input(), context);
        // As the route does; several runs (as from several app processes) contend for the period.
        await Promise.all([requestGrouping(period.id), groupPendingComments(period.id)]);
        return result;
      }),
    );
    expect(results.every((r) => !r.duplicate)).toBe(true);
    const campaigns = await prisma.comment.groupBy({
      by: ["campaignId"],
      where: { periodId: period.id },
      _count: { _all: true },
    });
    expect(campaigns).toHaveLength(1);
    expect(campaigns[0]._count._all).toBe(20);
    expect(await prisma.campaign.count({ where: { periodId: period.id } })).toBe(1);
  });

  it("makes the plain letter the representative once it outnumbers a first copy with an added paragraph", async () => {
    const first = await submitComment(input({ text: `${LETTER}\n\n${ADDED}` }), context);
    await groupPendingComments(period.id);
    await submitComment(input(), context);
    await groupPendingComments(period.id);
    await submitComment(input(), context);
    await groupPendingComments(period.id);
    const campaign = await prisma.campaign.findUniqueOrThrow({
      where: { id: (await placed(first.commentId)).campaignId ?? "" },
    });
    expect(campaign.representativeId).not.toBe(first.commentId);
    const original = await placed(first.commentId);
    expect(original.addedText).toContain("my family has run cattle");
  });
});

describe("the receipt email", () => {
  it("is queued in the comment's statement and sent to the address given, once per comment", async () => {
    mailbox().clear();
    const email = `commenter-${randomUUID()}@example.org`;
    const submission = input({ email });
    const result = await submitComment(submission, context);
    // The request did not wait on the provider: the receipt is in the outbox. The intake does not
    // wake the sender (decision 0032); the worker's once-a-second poll sees the waiting email and
    // queues one sender job, however many emails wait.
    expect(mailbox().emailsTo(email)).toHaveLength(0);
    const queued = await prisma.emailDelivery.findUniqueOrThrow({
      where: { idempotencyKey: `comment-receipt/${result.commentId}` },
    });
    expect(queued).toMatchObject({ template: "comment-receipt", toEmail: email, status: "PENDING", batchKey: null });
    expect(await queuedJobs(SEND_TRANSACTIONAL_TASK)).toHaveLength(0);
    expect(await hasWaitingEmails(sqlPool())).toBe(true);
    await wakeTransactionalSender(sqlPool());
    await wakeTransactionalSender(sqlPool());
    expect(await queuedJobs(SEND_TRANSACTIONAL_TASK)).toHaveLength(1);

    // The same POST again (a retry) queues nothing more.
    expect(await submitComment(submission, context)).toMatchObject({ duplicate: true });
    expect(await prisma.emailDelivery.count({ where: { toEmail: email } })).toBe(1);

    await sendQueuedEmails();
    const [sent, ...more] = mailbox().emailsTo(email);
    expect(more).toEqual([]);
    expect(sent.subject).toBe(`Your comment on ${period.title}: receipt ${result.receiptNumber}`);
    expect(sent.text).toContain(result.receiptNumber);
    expect(sent.text).toContain(`/comment-periods/${period.id}/comments#${result.receiptNumber}`);
    // Where to learn that the comment was hidden and ask for a review.
    expect(sent.text).toContain(`/comment-periods/${period.id}/receipt/${result.receiptNumber}`);
    expect(sent.endpoint).toBe("/emails/batch");
  });

  it("queues nothing when no address was given", async () => {
    const result = await submitComment(input(), context);
    expect(await prisma.emailDelivery.count({ where: { idempotencyKey: `comment-receipt/${result.commentId}` } })).toBe(
      0,
    );
  });

  it("is not queued when the comment is refused", async () => {
    const email = `late-${randomUUID()}@example.org`;
    const closed = await createIntakePeriod({ closesAt: new Date(Date.now() - 1000) });
    await refusal(submitComment(input({ email, periodId: closed.period.id }), context));
    expect(await prisma.emailDelivery.count({ where: { toEmail: email } })).toBe(0);
  });

  it("does not hold up the answer when the provider is down: the receipt number is shown as usual", async () => {
    mailbox().failNext(50, 503);
    const requestsBefore = mailbox().stats().requests;
    const email = `outage-${randomUUID()}@example.org`;
    const form = new FormData();
    const fields = { submitterType: "ANONYMOUS", text: LETTER, idempotencyKey: randomUUID(), email };
    for (const [name, value] of Object.entries(fields)) form.append(name, value);
    const request = new Request(`http://localhost:3000/comment-periods/${period.id}/comment`, {
      method: "POST",
      body: form,
    });
    const loadContext = { requestId: "req-outage", clientIp: ip() } as AppLoadContext;
    const response = (await action({ request, params: { periodId: period.id }, context: loadContext })) as Response;
    mailbox().clearFaults();
    expect(response.status).toBe(303);
    expect(response.headers.get("Location")).toMatch(/\/receipt\/LDS-/);
    // No flash about a failed email: nothing was tried from the request.
    expect(response.headers.get("Set-Cookie")).toBeNull();
    expect(mailbox().stats().requests).toBe(requestsBefore);
  });
});
