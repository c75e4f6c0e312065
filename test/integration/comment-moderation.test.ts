import { describe, expect, it } from "vitest";
import {
  AUTO_HIDE_THRESHOLD,
  hiddenCommentsOf,
  hideCommentByReceipt,
  moderate,
  moderationQueue,
  publicModerationLog,
  reportComment,
  requestCommentReview,
} from "~/models/comments/comment-moderation.server";
import { dispatchEvent } from "~/models/notifications/dispatch.server";
import { listPublishedComments } from "~/models/comments/comment-reading.server";
import { listResponses, respondToComments } from "~/models/comments/official-response.server";
import { prisma } from "~/services/db.server";
import { createPublicComment, createReadingScenario } from "../support/comment-factories";
import { createUser } from "../support/factories";

const MONTH_AGO = () => new Date(Date.now() - 30 * 86_400_000);

/** Verified accounts a month old, from different networks: their reports count toward auto-hide. */
async function reporters(count: number) {
  return Promise.all(Array.from({ length: count }, () => createUser({ createdAt: MONTH_AGO() })));
}

describe("reporting comments", () => {
  it("hides a comment pending review at the report threshold and logs why", async () => {
    const { period } = await createReadingScenario();
    const comment = await createPublicComment(period.id);
    const people = await reporters(AUTO_HIDE_THRESHOLD);
    for (const [i, person] of people.entries()) {
      const result = await reportComment(comment.id, person.id, { reason: "SPAM", periodId: period.id });
      expect(result.autoHidden).toBe(i === AUTO_HIDE_THRESHOLD - 1);
    }
    const after = await prisma.comment.findUniqueOrThrow({ where: { id: comment.id } });
    expect(after).toMatchObject({ status: "PENDING_REVIEW", reportCount: AUTO_HIDE_THRESHOLD });
    const log = await publicModerationLog(period.id, 1);
    expect(log.entries).toEqual([
      expect.objectContaining({
        kind: "AUTO_HIDE",
        receiptNumber: comment.receiptNumber,
        reason: `Hidden automatically after ${AUTO_HIDE_THRESHOLD} reports, pending review`,
      }),
    ]);
    const listed = await listPublishedComments(period.id, { page: 1, pageSize: 20 });
    expect(listed.comments.map((c) => c.id)).not.toContain(comment.id);
  });

  it("refuses a second report of the same comment by the same person", async () => {
    const { period } = await createReadingScenario();
    const comment = await createPublicComment(period.id);
    const [person] = await reporters(1);
    await reportComment(comment.id, person.id, { reason: "ABUSIVE" });
    await expect(reportComment(comment.id, person.id, { reason: "SPAM" })).rejects.toThrow(
      "You already reported this comment.",
    );
    expect(await prisma.comment.findUniqueOrThrow({ where: { id: comment.id } })).toMatchObject({ reportCount: 1 });
  });

  it("puts a comment reported as not mine at the top of the queue, flagged", async () => {
    const { period } = await createReadingScenario();
    const spam = await createPublicComment(period.id);
    const falselyAttributed = await createPublicComment(period.id);
    const [a, b, c] = await reporters(3);
    await reportComment(spam.id, a.id, { reason: "SPAM" });
    await reportComment(spam.id, b.id, { reason: "SPAM" });
    await reportComment(falselyAttributed.id, c.id, { reason: "NOT_MINE", note: "I never wrote this." });
    const queue = await moderationQueue(period.id);
    expect(queue.map((q) => q.id)).toEqual([falselyAttributed.id, spam.id]);
    expect(queue[0]).toMatchObject({ notMine: true, reasons: { NOT_MINE: 1 } });
    expect(queue[0].notes).toEqual([expect.objectContaining({ reason: "NOT_MINE", note: "I never wrote this." })]);
    expect(queue[1]).toMatchObject({ notMine: false, reasons: { SPAM: 2 } });
  });
});

describe("reports from throwaway accounts", () => {
  it("records reports from new, unverified or burst-made accounts and shows them, but they hide nothing", async () => {
    const { period } = await createReadingScenario();
    const comment = await createPublicComment(period.id);
    const justMade = await createUser();
    const unverified = await createUser({ verified: false, createdAt: MONTH_AGO() });
    // Four accounts made within minutes from one /24, a month ago: a burst, however old now.
    const burstAt = MONTH_AGO().getTime();
    const burst = await Promise.all(
      [0, 1, 2, 3].map((i) =>
        createUser({ createdAt: new Date(burstAt + i * 60_000), signupNetwork: "198.51.100.0/24" }),
      ),
    );
    for (const person of [justMade, unverified, ...burst]) {
      const result = await reportComment(comment.id, person.id, { reason: "SPAM", periodId: period.id });
      expect(result).toMatchObject({ autoHidden: false, counted: false });
    }
    const after = await prisma.comment.findUniqueOrThrow({ where: { id: comment.id } });
    expect(after).toMatchObject({ status: "PUBLISHED", reportCount: 6, hidingReportCount: 0 });
    const [queued] = await moderationQueue(period.id);
    expect(queued).toMatchObject({ id: comment.id, reportCount: 6, uncountedReports: 6, reasons: { SPAM: 6 } });
    expect(await prisma.moderationAction.count({ where: { commentId: comment.id } })).toBe(0);
  });

  it("still hides at the threshold when settled accounts report, and tells the lead agency's moderators at once", async () => {
    const { period, regulator, project } = await createReadingScenario();
    const comment = await createPublicComment(period.id);
    await reportComment(comment.id, (await createUser()).id, { reason: "SPAM" });
    for (const person of await reporters(AUTO_HIDE_THRESHOLD)) {
      await reportComment(comment.id, person.id, { reason: "SPAM" });
    }
    expect(await prisma.comment.findUniqueOrThrow({ where: { id: comment.id } })).toMatchObject({
      status: "PENDING_REVIEW",
      reportCount: AUTO_HIDE_THRESHOLD + 1,
      hidingReportCount: AUTO_HIDE_THRESHOLD,
    });
    const event = await prisma.domainEvent.findFirstOrThrow({
      where: { type: "comment.autoHidden", aggregateId: comment.id },
    });
    expect(await dispatchEvent(event.id)).toEqual({ notified: 1, emails: 1 });
    const [notice] = await prisma.notification.findMany({ where: { eventId: event.id } });
    expect(notice).toMatchObject({
      userId: regulator.id,
      type: "COMMENT_AUTO_HIDDEN",
      projectId: project.id,
      frequency: "IMMEDIATE",
      url: `/comment-periods/${period.id}/moderation`,
    });
    expect(notice.title).toContain(comment.receiptNumber);
    const [delivery] = await prisma.emailDelivery.findMany({ where: { eventId: event.id } });
    expect(delivery).toMatchObject({ userId: regulator.id, template: "comment-auto-hidden" });
  });
});

describe("hiding without a report, and asking for review", () => {
  it("lets a moderator hide a comment nobody reported, by its receipt number, with a public reason", async () => {
    const { period, context } = await createReadingScenario();
    const comment = await createPublicComment(period.id);
    await expect(hideCommentByReceipt(period.id, "LDS-NONE-0000", "Threat", context)).rejects.toThrow(
      /No comment in this comment period/,
    );
    await expect(hideCommentByReceipt(period.id, comment.receiptNumber, " ", context)).rejects.toThrow(/Say why/);
    await hideCommentByReceipt(period.id, comment.receiptNumber.toLowerCase(), "Threatens a named person", context);
    expect(await prisma.comment.findUniqueOrThrow({ where: { id: comment.id } })).toMatchObject({ status: "HIDDEN" });
    const log = await publicModerationLog(period.id, 1);
    expect(log.entries).toEqual([
      expect.objectContaining({
        kind: "HIDE",
        receiptNumber: comment.receiptNumber,
        reason: "Threatens a named person",
      }),
    ]);
  });

  it("records one review request per hidden comment until a moderator decides, and puts it in the queue", async () => {
    const { period, context } = await createReadingScenario();
    const author = await createUser();
    const comment = await createPublicComment(period.id, { userId: author.id });
    const audit = { actorId: author.id, requestId: null };
    await expect(requestCommentReview(comment.id, { note: "", requesterId: author.id }, audit)).rejects.toThrow(
      /published: there is nothing to review/,
    );
    for (const person of await reporters(AUTO_HIDE_THRESHOLD)) {
      await reportComment(comment.id, person.id, { reason: "ABUSIVE" });
    }
    // The reading page points the signed-in author to the receipt of each hidden comment.
    expect(await hiddenCommentsOf(period.id, author.id)).toEqual([
      { receiptNumber: comment.receiptNumber, status: "PENDING_REVIEW" },
    ]);
    await requestCommentReview(comment.id, { note: "It is a fair criticism.", requesterId: author.id }, audit);
    await expect(requestCommentReview(comment.id, { note: "", requesterId: author.id }, audit)).rejects.toThrow(
      /already requested/,
    );
    const [queued] = await moderationQueue(period.id);
    expect(queued).toMatchObject({ id: comment.id, reviewRequest: { note: "It is a fair criticism." } });

    await moderate(period.id, [comment.id], { kind: "HIDE", reason: "Abusive language" }, context);
    const [afterDecision] = await moderationQueue(period.id);
    expect(afterDecision.reviewRequest).toBeNull();
    await expect(
      requestCommentReview(comment.id, { note: "Please look again.", requesterId: author.id }, audit),
    ).resolves.toBeTruthy();
  });
});

describe("moderating comments", () => {
  it("hides several comments at once with a public reason, and restores one", async () => {
    const { period, context } = await createReadingScenario();
    const secret = "My neighbour Jane Doe lives at 12 Elm Street";
    const first = await createPublicComment(period.id, { text: secret });
    const second = await createPublicComment(period.id);
    await expect(moderate(period.id, [first.id], { kind: "HIDE", reason: " " }, context)).rejects.toThrow(
      "Say why the comments are hidden",
    );
    const result = await moderate(
      period.id,
      [first.id, second.id],
      { kind: "HIDE", reason: "Personal information" },
      context,
    );
    expect(result).toEqual({ count: 2, status: "HIDDEN" });
    const hidden = await prisma.comment.findMany({ where: { id: { in: [first.id, second.id] } } });
    expect(hidden.map((c) => c.status)).toEqual(["HIDDEN", "HIDDEN"]);
    expect(
      await prisma.auditEvent.count({ where: { action: "comment.hide", entityId: { in: [first.id, second.id] } } }),
    ).toBe(2);

    await moderate(period.id, [second.id], { kind: "RESTORE", reason: "Hidden by mistake" }, context);
    expect(await prisma.comment.findUniqueOrThrow({ where: { id: second.id } })).toMatchObject({
      status: "PUBLISHED",
    });

    const log = await publicModerationLog(period.id, 1);
    expect(log.entries.map((e) => e.kind).sort()).toEqual(["HIDE", "HIDE", "RESTORE"]);
    const serialized = JSON.stringify(log);
    expect(serialized).not.toContain("Jane Doe");
    expect(serialized).not.toContain(first.text);
    expect(serialized).toContain(first.receiptNumber);
  });

  it("refuses a transition the workflow does not name and changes nothing", async () => {
    const { period, context } = await createReadingScenario();
    const published = await createPublicComment(period.id);
    const hidden = await createPublicComment(period.id, { status: "HIDDEN" });
    await expect(
      moderate(period.id, [published.id, hidden.id], { kind: "RESTORE", reason: "" }, context),
    ).rejects.toThrow(`not to ${published.receiptNumber}`);
    expect(await prisma.comment.findUniqueOrThrow({ where: { id: hidden.id } })).toMatchObject({ status: "HIDDEN" });
    expect(await prisma.moderationAction.count({ where: { periodId: period.id } })).toBe(0);
  });

  it("refuses comments from another period", async () => {
    const { period, context } = await createReadingScenario();
    const other = await createReadingScenario();
    const elsewhere = await createPublicComment(other.period.id);
    await expect(moderate(period.id, [elsewhere.id], { kind: "HIDE", reason: "Spam" }, context)).rejects.toThrow(
      "not in this comment period",
    );
  });
});

describe("official responses", () => {
  it("answers a group of comments, shows under each and records one event per answered comment", async () => {
    const { period, context } = await createReadingScenario();
    const water = await createPublicComment(period.id, { text: "Groundwater drawdown will dry the springs." });
    const water2 = await createPublicComment(period.id, { text: "The pit lake will poison the aquifer." });
    const other = await createPublicComment(period.id, { text: "Traffic on the county road." });
    const response = await respondToComments(
      period.id,
      {
        issue: "Groundwater",
        text: "Section 4.3 models drawdown; monitoring wells are required.",
        commentIds: [water.id, water2.id],
      },
      context,
    );
    expect(response.answered).toBe(2);

    const events = await prisma.domainEvent.findMany({ where: { type: "comment.responded" } });
    expect(events).toHaveLength(2);
    expect(events.map((e) => e.payload)).toEqual(
      expect.arrayContaining([
        {
          projectId: period.projectId,
          periodId: period.id,
          commentId: water.id,
          receiptNumber: water.receiptNumber,
          responseId: response.id,
        },
        {
          projectId: period.projectId,
          periodId: period.id,
          commentId: water2.id,
          receiptNumber: water2.receiptNumber,
          responseId: response.id,
        },
      ]),
    );

    const page = await listPublishedComments(period.id, { page: 1, pageSize: 20 });
    const byId = new Map(page.comments.map((c) => [c.id, c]));
    expect(byId.get(water.id)?.responses.map((r) => r.id)).toEqual([response.id]);
    expect(byId.get(water2.id)?.responses[0]).toMatchObject({ issue: "Groundwater", authorName: "Rita Regulator" });
    expect(byId.get(other.id)?.responses).toEqual([]);

    const groups = await listResponses(period.id);
    expect(groups).toEqual([
      {
        issue: "Groundwater",
        responses: [
          expect.objectContaining({
            id: response.id,
            answered: expect.arrayContaining([
              { receiptNumber: water.receiptNumber, published: true },
              { receiptNumber: water2.receiptNumber, published: true },
            ]),
          }),
        ],
      },
    ]);
  });

  it("refuses to answer a comment of another period", async () => {
    const { period, context } = await createReadingScenario();
    const other = await createReadingScenario();
    const elsewhere = await createPublicComment(other.period.id);
    await expect(
      respondToComments(period.id, { issue: "Water", text: "Answer.", commentIds: [elsewhere.id] }, context),
    ).rejects.toThrow("not in this comment period");
    expect(await prisma.officialResponse.count({ where: { periodId: period.id } })).toBe(0);
  });
});
