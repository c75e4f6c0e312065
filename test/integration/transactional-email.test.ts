// Transactional emails under load, end to end: comments arrive in a burst while the worker runs and
// the recording Resend stand-in allows 2 requests a second (and misbehaves a little besides). Every
// receipt must arrive exactly once: none lost to a 429, none doubled by a retry.
import "../support/fast-email-retries";
import { randomUUID } from "node:crypto";
import { describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  process.env.EMAIL_REQUESTS_PER_SECOND = "2";
});

import { submitComment, type SubmitCommentResult } from "~/models/comments/comment-intake.server";
import { prisma } from "~/services/db.server";
import { createIntakePeriod } from "../support/comment-factories";
import { mailbox } from "../support/database";
import { queueIdle } from "../support/email-queue";
import { workerPerTest } from "../support/email-worker";
import { waitUntil } from "../support/wait";

const worker = workerPerTest();

/** Runs `count` tasks, `parallel` at a time (a burst bigger than the connection pool queues on it). */
async function inParallel<T>(count: number, parallel: number, task: (index: number) => Promise<T>): Promise<T[]> {
  const results: T[] = new Array<T>(count);
  let next = 0;
  await Promise.all(
    Array.from({ length: parallel }, async () => {
      while (next < count) {
        const index = next++;
        results[index] = await task(index);
      }
    }),
  );
  return results;
}

describe("comment receipts under load", () => {
  it("delivers each of 500 receipts from a burst exactly once while the provider allows 2 requests/s", async () => {
    const { period } = await createIntakePeriod({ allowAnonymous: true });
    const run = randomUUID().slice(0, 8);
    const address = (index: number) => `burst-${run}-${index}@example.org`;
    mailbox().setRateLimit(2);
    // A provider having a bad moment: a 500, a 429 with Retry-After, and a request it accepted but
    // whose answer never came back (the retry must not send those emails again).
    mailbox().fault(
      { kind: "status", status: 500 },
      { kind: "rateLimit", retryAfterSeconds: 1 },
      { kind: "dropAfterAccept" },
    );
    await worker.start(4);

    const started = Date.now();
    const comments = await inParallel<SubmitCommentResult>(500, 10, (index) =>
      submitComment(
        {
          periodId: period.id,
          idempotencyKey: randomUUID(),
          submitterType: "ANONYMOUS",
          displayName: "",
          email: address(index),
          text: `Comment ${index} of the burst: please study the effect of the haul road on the school bus route.`,
          files: [],
          clientIp: `203.0.113.${index % 250}-${run}-${index}`,
        },
        { actorId: null, requestId: `burst-${index}` },
      ),
    );
    const intakeMs = Date.now() - started;

    await waitUntil(
      "500 receipts sent",
      async () =>
        (await prisma.emailDelivery.count({ where: { template: "comment-receipt", status: "SENT" } })) === 500,
      { timeoutMs: 60_000, intervalMs: 100 },
    );
    const sendingMs = Date.now() - started - intakeMs;
    // A late duplicate would come from a job still running or due: wait until there is none.
    await waitUntil("the queue to be idle", queueIdle);

    const receipts = mailbox()
      .emails()
      .filter((email) => email.subject.startsWith(`Your comment on ${period.title}`));
    expect(receipts).toHaveLength(500);
    comments.forEach((comment, index) => {
      const received = mailbox().emailsTo(address(index));
      expect(received, `receipts to ${address(index)}`).toHaveLength(1);
      expect(received[0].subject).toBe(`Your comment on ${period.title}: receipt ${comment.receiptNumber}`);
    });
    expect(await prisma.emailDelivery.count({ where: { template: "comment-receipt", status: { not: "SENT" } } })).toBe(
      0,
    );

    // Batched: a handful of requests of up to 100, not 500 requests queuing for 250 seconds.
    const requests = new Set(receipts.map((email) => email.idempotencyKey));
    expect(receipts.every((email) => email.endpoint === "/emails/batch")).toBe(true);
    expect(requests.size).toBeLessThan(50);
    const stats = mailbox().stats();
    expect(stats.faultsServed).toBe(3);
    expect(stats.replayed).toBeGreaterThanOrEqual(1);
    // The props the emails were rendered from are gone once sent.
    const [kept] = await prisma.$queryRaw<{ n: number }[]>`
      select count(*)::int as n from "EmailDelivery" where template = 'comment-receipt' and props is not null`;
    expect(kept.n).toBe(0);
    console.info(
      `500 receipts: intake ${intakeMs} ms, then all sent ${sendingMs} ms later in ${requests.size} batch requests`,
    );
  }, 120_000);
});
