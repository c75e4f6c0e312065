// The notification pipeline end to end on a real database and the real resend SDK over HTTP: a
// stage change enqueues a job in its own transaction, the worker fans it out, and the recording
// Resend stand-in must see exactly one email per follower, whatever it was told to fail.
import "../support/fast-email-retries";
import { describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  process.env.EMAIL_REQUESTS_PER_SECOND = "50";
});

import { followProject, setProjectEmailMuted, unfollowProject } from "~/models/notifications/follow.server";
import { changeStage } from "~/models/stage.server";
import { prisma } from "~/services/db.server";
import { verifyEmailToken } from "~/models/notifications/email-tokens.server";
import { mailbox } from "../support/database";
import { queueIdle, queuedJobs } from "../support/email-queue";
import { workerPerTest } from "../support/email-worker";
import { waitUntil } from "../support/wait";
import { addMember, createOrganization, insertProjectRow, createUser } from "../support/factories";

const worker = workerPerTest();

/** Deliveries for events about one project (the database is shared by the tests in this file). */
async function deliveryCount(projectId: string, status: "PENDING" | "SENT" | "FAILED") {
  const events = await prisma.domainEvent.findMany({ where: { aggregateId: projectId }, select: { id: true } });
  return prisma.emailDelivery.count({ where: { status, eventId: { in: events.map((e) => e.id) } } });
}

async function setup() {
  const company = await createOrganization("COMPANY");
  const agency = await createOrganization("AGENCY");
  const regulator = await createUser({ name: "Regulator" });
  await addMember(regulator.id, agency.id);
  const project = await insertProjectRow({ companyId: company.id, leadAgencyId: agency.id, stage: "draft_eis" });
  const companyMember = await createUser({ name: "Company member" });
  await addMember(companyMember.id, company.id);
  const optedOut = await createUser({ name: "Opted-out company member" });
  await addMember(optedOut.id, company.id);
  await unfollowProject(optedOut.id, project.id);
  const follower = await createUser({ name: "Follower" });
  await followProject(follower.id, project.id);
  const muted = await createUser({ name: "Muted follower" });
  await followProject(muted.id, project.id);
  await setProjectEmailMuted(prisma, muted.id, project.id, true);
  const digestReader = await createUser({ name: "Digest reader" });
  await followProject(digestReader.id, project.id);
  await prisma.notificationPreference.create({
    data: { userId: digestReader.id, type: "STAGE_CHANGED", frequency: "DAILY" },
  });
  const unverified = await createUser({ name: "Unverified", verified: false });
  await followProject(unverified.id, project.id);
  const subscription = await prisma.emailSubscription.create({
    data: { projectId: project.id, email: "neighbour@example.org", confirmedAt: new Date() },
  });
  await prisma.emailSubscription.create({ data: { projectId: project.id, email: "unconfirmed@example.org" } });
  return { project, regulator, companyMember, optedOut, follower, muted, digestReader, unverified, subscription };
}

async function advance(projectId: string, actorId: string, expectedVersion = 1) {
  return changeStage(
    { projectId, expectedVersion, kind: "ADVANCE", reason: "Notice of availability published." },
    { actorId, requestId: "test" },
  );
}

describe("stage change notifications", () => {
  it("enqueues the dispatch job in the same transaction as the stage change", async () => {
    const { project, regulator } = await setup();
    await advance(project.id, regulator.id);
    const event = await prisma.domainEvent.findFirstOrThrow({ where: { aggregateId: project.id } });
    const jobs = await queuedJobs("dispatch-event");
    expect(jobs.map((job) => job.payload.eventId)).toEqual([event.id]);

    // A stage change that fails (stale version) leaves neither an event nor a job.
    const before = jobs.length;
    await expect(advance(project.id, regulator.id, 1)).rejects.toThrow();
    expect(await queuedJobs("dispatch-event")).toHaveLength(before);
  });

  it("emails each follower once, in the right template, with a working link and one-click unsubscribe", async () => {
    const people = await setup();
    await worker.start(2);
    await advance(people.project.id, people.regulator.id);

    const expected = [people.companyMember.email, people.follower.email, "neighbour@example.org"].sort();
    const emails = await waitUntil(`${expected.length} emails`, () => {
      const all = mailbox().emails();
      return all.length >= expected.length ? all : null;
    });
    // Nothing running or due: any extra email would have been sent by now.
    await waitUntil("the queue to be idle", queueIdle);
    const recipients = mailbox()
      .emails()
      .flatMap((email) => (Array.isArray(email.to) ? email.to : [email.to]))
      .sort();
    expect(recipients).toEqual(expected);
    for (const email of emails) {
      expect(email.endpoint).toBe("/emails/batch");
      expect(email.subject).toContain("advanced to Final EIS");
      expect(email.text).toContain(`http://localhost:3000/projects/${people.project.slug}`);
      expect(email.tags).toEqual([{ name: "template", value: "stage-changed" }]);
      const headers = (email as unknown as { headers: Record<string, string> }).headers;
      expect(headers["List-Unsubscribe-Post"]).toBe("List-Unsubscribe=One-Click");
      const link = /^<(.+)>$/.exec(headers["List-Unsubscribe"] ?? "")?.[1] ?? "";
      const token = verifyEmailToken(new URL(link).searchParams.get("token"));
      expect(token).not.toBeNull();
      expect(email.html).toContain(link.replace(/&/g, "&amp;"));
    }
    const subscriberEmail = emails.find((email) => email.to === "neighbour@example.org");
    expect(subscriberEmail?.text).toContain("asked for email updates");

    // Everyone following gets the in-app notification, email or not; the actor and the opted-out do not.
    const notified = await prisma.notification.findMany({
      where: { project: { id: people.project.id } },
      select: { userId: true, frequency: true },
    });
    expect(notified.map((n) => n.userId).sort()).toEqual(
      [
        people.companyMember.id,
        people.follower.id,
        people.muted.id,
        people.digestReader.id,
        people.unverified.id,
      ].sort(),
    );
    expect(notified.find((n) => n.userId === people.digestReader.id)?.frequency).toBe("DAILY");
    expect(await deliveryCount(people.project.id, "SENT")).toBe(3);
  });

  it("still sends exactly one email each after 500s, a 429 with Retry-After, timeouts and dropped connections", async () => {
    const people = await setup();
    // 250 more followers: three batch requests.
    const crowd = await Promise.all(
      Array.from({ length: 250 }, (_, i) => createUser({ email: `crowd-${i}@example.org` })),
    );
    await prisma.follow.createMany({ data: crowd.map((user) => ({ userId: user.id, projectId: people.project.id })) });
    mailbox().fault(
      { kind: "status", status: 500 },
      { kind: "rateLimit", retryAfterSeconds: 1 },
      { kind: "drop" },
      { kind: "dropAfterAccept" },
      { kind: "timeout", ms: 2500 },
      { kind: "status", status: 503 },
    );
    await worker.start(3);
    await advance(people.project.id, people.regulator.id);

    await waitUntil("253 deliveries sent", async () => (await deliveryCount(people.project.id, "SENT")) === 253, {
      timeoutMs: 30_000,
    });
    const counts = new Map<string, number>();
    for (const email of mailbox().emails()) {
      for (const to of Array.isArray(email.to) ? email.to : [email.to]) counts.set(to, (counts.get(to) ?? 0) + 1);
    }
    expect(counts.size).toBe(253);
    expect([...counts.values()].every((n) => n === 1)).toBe(true);
    expect(mailbox().stats().faultsServed).toBe(6);
    expect(await deliveryCount(people.project.id, "PENDING")).toBe(0);
  }, 60_000);

  it("records an address the provider refuses as a permanent failure and sends the rest", async () => {
    const people = await setup();
    const bad = await createUser({ email: "nobody@bounce.invalid" });
    await followProject(bad.id, people.project.id);
    await worker.start(1);
    await advance(people.project.id, people.regulator.id);
    await waitUntil("3 deliveries sent", async () => (await deliveryCount(people.project.id, "SENT")) === 3);
    expect(await deliveryCount(people.project.id, "FAILED")).toBe(1);
    const failed = await prisma.emailDelivery.findMany({ where: { status: "FAILED" } });
    expect(failed.map((d) => d.toEmail)).toEqual(["nobody@bounce.invalid"]);
    expect(failed[0]?.lastError).toBeTruthy();
    expect(mailbox().emailsTo(people.follower.email)).toHaveLength(1);
  });
});

describe("the shared provider throttle", () => {
  it("starts requests from concurrent workers at least one interval apart", async () => {
    const { acquireSlot } = await import("~/models/notifications/send.server");
    // The instants come from the database's clock as each slot is taken, so a busy machine that is
    // slow to hear a commit cannot make two slots look closer (or farther) than the throttle made them.
    const taken = await Promise.all(Array.from({ length: 8 }, () => acquireSlot(20)));
    const instants = taken.map((at) => at.getTime()).sort((a, b) => a - b);
    const gaps = instants.slice(1).map((t, i) => t - instants[i]);
    // 20 requests/s with the 5% margin is 52.5 ms (without the throttle all 8 are taken within a few
    // ms). The row keeps milliseconds and a timer may fire a millisecond early: allow 2 ms of that.
    for (const gap of gaps) expect(gap).toBeGreaterThanOrEqual(52.5 - 2);
    expect(instants[7] - instants[0]).toBeGreaterThanOrEqual(7 * (52.5 - 2));
  });
});
