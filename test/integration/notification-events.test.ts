// The notification pipeline for each kind of event, one step at a time and without a worker:
// dispatchEvent, runDigests, raisePeriodReminder and sendEmailBatch are called directly, so every
// count below is exact. The database is shared by the tests in this file: counts are scoped to the
// project, event or person each test made.
import { beforeEach, describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  // One request per batch; no need to wait half a second between them as the real account must.
  process.env.EMAIL_REQUESTS_PER_SECOND = "50";
  process.env.EMAIL_RETRY_BASE_MS = "20";
  process.env.EMAIL_RETRY_MAX_MS = "200";
});

import type { NotificationFrequency, NotificationType, Prisma } from "@prisma/client";
import { changePeriodDeadline, openPeriod } from "~/models/comments/comment-period.server";
import { followProject, setProjectEmailMuted } from "~/models/notifications/follow.server";
import { issueRequest } from "~/models/information-requests/information-request.server";
import { addMilestone, changeTargetDate } from "~/models/milestone.server";
import { respondToComments } from "~/models/comments/official-response.server";
import { assignReviewer, openReview } from "~/models/review.server";
import { changeStage } from "~/models/stage.server";
import { prisma } from "~/services/db.server";
import { runDigests } from "~/models/notifications/digest.server";
import { dispatchEvent, raisePeriodReminder } from "~/models/notifications/dispatch.server";
import { verifyEmailToken } from "~/models/notifications/email-tokens.server";
import { sendEmailBatch } from "~/models/notifications/send.server";
import { applyUnsubscribe } from "~/models/notifications/unsubscribe.server";
import { utcToZonedParts } from "~/utils/zoned-time";
import { createPeriodSetting, createPublicComment, createReadingScenario } from "../support/comment-factories";
import { mailbox } from "../support/database";
import { addMember, createOrganization, insertProjectRow, createUser } from "../support/factories";
import type { RecordedEmail } from "../support/mail-recorder";
import { day } from "../support/request-factories";
import { createProjectWorld } from "../support/world";

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

// Each test starts with an empty queue (graphile-worker's own table; test-only access) and mailbox.
beforeEach(async () => {
  mailbox().reset();
  await prisma.$executeRaw`delete from graphile_worker._private_jobs`;
});

// ───────────── helpers ─────────────

async function setPreference(userId: string, type: NotificationType, frequency: NotificationFrequency) {
  await prisma.notificationPreference.upsert({
    where: { userId_type: { userId, type } },
    create: { userId, type, frequency },
    update: { frequency },
  });
}

/** The events of this type about this aggregate, oldest first. */
async function eventsOf(type: string, aggregateId: string) {
  return prisma.domainEvent.findMany({ where: { type, aggregateId }, orderBy: [{ occurredAt: "asc" }, { id: "asc" }] });
}

async function onlyEvent(type: string, aggregateId: string) {
  const events = await eventsOf(type, aggregateId);
  expect(events).toHaveLength(1);
  return events[0];
}

async function notifiedUserIds(eventId: string) {
  const rows = await prisma.notification.findMany({ where: { eventId }, select: { userId: true } });
  return rows.map((row) => row.userId).sort();
}

/** Names read better than ids when a test fails; each setup gives its people distinct names. */
async function notifiedNames(eventId: string) {
  const rows = await prisma.notification.findMany({ where: { eventId }, select: { user: { select: { name: true } } } });
  return rows.map((row) => row.user.name).sort();
}

async function deliveriesFor(eventId: string) {
  return prisma.emailDelivery.findMany({ where: { eventId }, orderBy: { toEmail: "asc" } });
}

/** Sends every batch of this event's deliveries, as the "send-email-batch" jobs would. */
async function sendEventEmails(eventId: string) {
  const batches = await prisma.emailDelivery.findMany({
    where: { eventId },
    distinct: ["batchKey"],
    select: { batchKey: true },
  });
  for (const { batchKey } of batches) if (batchKey) await sendEmailBatch(batchKey);
}

function recipients(emails: RecordedEmail[]) {
  return emails.flatMap((email) => (Array.isArray(email.to) ? email.to : [email.to])).sort();
}

/** The token of the email's one-click unsubscribe header, verified. */
function unsubscribeTokenOf(email: RecordedEmail) {
  const headers = (email as unknown as { headers?: Record<string, string> }).headers ?? {};
  const link = /^<(.+)>$/.exec(headers["List-Unsubscribe"] ?? "")?.[1] ?? "";
  expect(link).toMatch(/^http:\/\/localhost:3000\/unsubscribe\?token=/);
  expect(email.text).toContain(`Unsubscribe: ${link}`);
  return verifyEmailToken(new URL(link).searchParams.get("token"));
}

type ReminderJob = { kind: string; payload: Record<string, string>; runAt: string; key: string | null };

async function reminderJobs(periodId: string): Promise<ReminderJob[]> {
  const rows = await prisma.$queryRaw<{ payload: Record<string, string>; run_at: Date; key: string | null }[]>`
    select j.payload, j.run_at, j.key from graphile_worker._private_jobs j
    join graphile_worker._private_tasks t on t.id = j.task_id
    where t.identifier = 'comment-period-reminder' and j.payload->>'periodId' = ${periodId}
    order by j.run_at`;
  return rows.map((row) => ({
    kind: row.payload.kind,
    payload: row.payload,
    runAt: row.run_at.toISOString(),
    key: row.key,
  }));
}

/** A project led by an agency with one regulator, the actor of every change. */
async function stageSetting() {
  const company = await createOrganization("COMPANY");
  const agency = await createOrganization("AGENCY");
  const regulator = await createUser({ name: "Regulator" });
  await addMember(regulator.id, agency.id);
  const project = await insertProjectRow({ companyId: company.id, leadAgencyId: agency.id, stage: "draft_eis" });
  return { company, agency, regulator, project };
}

async function advance(projectId: string, actorId: string, expectedVersion: number) {
  await changeStage(
    { projectId, expectedVersion, kind: "ADVANCE", reason: "Notice of availability published." },
    { actorId, requestId: "test" },
  );
}

/** A follower reading STAGE_CHANGED in a digest, in Denver. */
async function digestReader(projectId: string, frequency: "DAILY" | "WEEKLY", verified = true) {
  const reader = await createUser({ name: "Dana Digest", verified });
  await prisma.user.update({ where: { id: reader.id }, data: { timeZone: "America/Denver" } });
  await followProject(reader.id, projectId);
  await setPreference(reader.id, "STAGE_CHANGED", frequency);
  return reader;
}

/** Dispatches each stage change of the project, oldest first, and dates its notification. */
async function dispatchStageChanges(projectId: string, userId: string, createdAt: string[]) {
  const events = await eventsOf("project.stageChanged", projectId);
  expect(events).toHaveLength(createdAt.length);
  for (const [index, event] of events.entries()) {
    expect(await dispatchEvent(event.id)).toEqual({ notified: 1, emails: 0 });
    const dated = await prisma.notification.updateMany({
      where: { eventId: event.id, userId },
      data: { createdAt: new Date(createdAt[index]) },
    });
    expect(dated.count).toBe(1);
  }
  return events;
}

async function digestsOf(userId: string) {
  return prisma.digest.findMany({
    where: { userId },
    orderBy: { periodKey: "asc" },
    select: { id: true, frequency: true, periodKey: true, notifications: { select: { eventId: true } } },
  });
}

// ───────────── 1. Digests ─────────────

describe("digests", () => {
  it("gathers a Denver follower's day of stage changes once, at 07:00 local, and emails them in one message", async () => {
    const s = await stageSetting();
    const reader = await digestReader(s.project.id, "DAILY");
    await advance(s.project.id, s.regulator.id, 1);
    await advance(s.project.id, s.regulator.id, 2);
    // Monday 2026-03-09, 14:00 and 20:00 MDT (the day after the spring-forward change).
    const events = await dispatchStageChanges(s.project.id, reader.id, [
      "2026-03-09T20:00:00.000Z",
      "2026-03-10T02:00:00.000Z",
    ]);

    // Tuesday 06:59 MDT: Monday's digest closed at 07:00 Monday, before either was made.
    await runDigests(new Date("2026-03-10T12:59:00.000Z"));
    expect(await digestsOf(reader.id)).toEqual([]);
    expect(await prisma.emailDelivery.count({ where: { userId: reader.id } })).toBe(0);

    // Tuesday 07:00 MDT (13:00 UTC): both go into Tuesday's digest.
    await runDigests(new Date("2026-03-10T13:00:00.000Z"));
    const [digest, ...more] = await digestsOf(reader.id);
    expect(more).toEqual([]);
    expect(digest).toMatchObject({ frequency: "DAILY", periodKey: "2026-03-10" });
    expect(digest.notifications.map((n) => n.eventId).sort()).toEqual(events.map((e) => e.id).sort());
    const deliveries = await prisma.emailDelivery.findMany({ where: { userId: reader.id } });
    expect(deliveries).toHaveLength(1);
    expect(deliveries[0]).toMatchObject({
      template: "digest",
      digestId: digest.id,
      eventId: null,
      toEmail: reader.email,
      status: "PENDING",
      idempotencyKey: `digest:${digest.id}`,
      batchKey: expect.stringMatching(/^digests:2026-03-10T13:00:00\.000Z:\d+$/),
    });

    // The next hourly run finds the period done: no second digest, no second email.
    await runDigests(new Date("2026-03-10T14:00:00.000Z"));
    expect(await digestsOf(reader.id)).toHaveLength(1);
    expect(await prisma.emailDelivery.count({ where: { userId: reader.id } })).toBe(1);

    await sendEmailBatch(deliveries[0].batchKey ?? "");
    const emails = mailbox().emailsTo(reader.email);
    expect(emails).toHaveLength(1);
    const [email] = emails;
    expect(email.subject).toBe("Your daily Lodestone digest: 2 updates (Tuesday, March 10, 2026)");
    expect(email.tags).toEqual([{ name: "template", value: "digest" }]);
    expect(email.text).toContain(`${s.project.name} advanced to Final EIS and draft decision`);
    expect(email.text).toContain(`${s.project.name} advanced to Objection period`);
    expect(email.text).toContain(`All of ${s.project.name}: http://localhost:3000/projects/${s.project.slug}`);
    expect(email.text.indexOf("Final EIS and draft decision")).toBeLessThan(email.text.indexOf("Objection period"));
    expect(email.text).toContain("Mar 9, 2026, 2:00 PM MDT");
    expect(unsubscribeTokenOf(email)).toEqual({ k: "digest", u: reader.id, f: "DAILY" });
    expect(await prisma.emailDelivery.findUniqueOrThrow({ where: { id: deliveries[0].id } })).toMatchObject({
      status: "SENT",
    });
  });

  it("puts a notification made before yesterday's 07:00 in yesterday's digest; the rest wait for today's", async () => {
    const s = await stageSetting();
    const reader = await digestReader(s.project.id, "DAILY");
    await advance(s.project.id, s.regulator.id, 1);
    await advance(s.project.id, s.regulator.id, 2);
    // Monday 06:30 MDT (before Monday's 07:00), then Monday 20:00 MDT.
    const [early, late] = await dispatchStageChanges(s.project.id, reader.id, [
      "2026-03-09T12:30:00.000Z",
      "2026-03-10T02:00:00.000Z",
    ]);

    await runDigests(new Date("2026-03-10T12:59:00.000Z"));
    expect(await digestsOf(reader.id)).toEqual([
      expect.objectContaining({ periodKey: "2026-03-09", notifications: [{ eventId: early.id }] }),
    ]);

    await runDigests(new Date("2026-03-10T13:00:00.000Z"));
    const digests = await digestsOf(reader.id);
    expect(digests.map((d) => [d.periodKey, d.notifications.map((n) => n.eventId)])).toEqual([
      ["2026-03-09", [early.id]],
      ["2026-03-10", [late.id]],
    ]);
    expect(await prisma.emailDelivery.count({ where: { userId: reader.id, template: "digest" } })).toBe(2);
  });

  it("gathers a weekly digest only on Monday at 07:00 local, not on Sunday night or at 06:59", async () => {
    const s = await stageSetting();
    const reader = await digestReader(s.project.id, "WEEKLY");
    await advance(s.project.id, s.regulator.id, 1);
    // Wednesday 2026-03-11, 12:00 MDT.
    const [event] = await dispatchStageChanges(s.project.id, reader.id, ["2026-03-11T18:00:00.000Z"]);

    for (const notYet of [
      "2026-03-12T13:00:00.000Z", // Thursday 07:00: a daily digest would close now, the weekly does not
      "2026-03-16T05:00:00.000Z", // Sunday 23:00 MDT (already Monday in UTC)
      "2026-03-16T12:59:00.000Z", // Monday 06:59 MDT
    ]) {
      await runDigests(new Date(notYet));
      expect(await digestsOf(reader.id)).toEqual([]);
    }

    await runDigests(new Date("2026-03-16T13:00:00.000Z"));
    const digests = await digestsOf(reader.id);
    expect(digests).toEqual([
      expect.objectContaining({ frequency: "WEEKLY", periodKey: "2026-03-16", notifications: [{ eventId: event.id }] }),
    ]);
    const [delivery, ...more] = await prisma.emailDelivery.findMany({ where: { userId: reader.id } });
    expect(more).toEqual([]);
    await sendEmailBatch(delivery.batchKey ?? "");
    const emails = mailbox().emailsTo(reader.email);
    expect(emails.map((e) => e.subject)).toEqual([
      "Your weekly Lodestone digest: 1 update (week ending Monday, March 16, 2026)",
    ]);
    expect(unsubscribeTokenOf(emails[0])).toEqual({ k: "digest", u: reader.id, f: "WEEKLY" });
  });

  it("makes an unverified person's digest but emails nothing", async () => {
    const s = await stageSetting();
    const reader = await digestReader(s.project.id, "DAILY", false);
    await advance(s.project.id, s.regulator.id, 1);
    const [event] = await dispatchStageChanges(s.project.id, reader.id, ["2026-03-11T18:00:00.000Z"]);

    await runDigests(new Date("2026-03-12T13:00:00.000Z"));
    expect(await digestsOf(reader.id)).toEqual([
      expect.objectContaining({ periodKey: "2026-03-12", notifications: [{ eventId: event.id }] }),
    ]);
    expect(await prisma.emailDelivery.count({ where: { userId: reader.id } })).toBe(0);
    expect(await prisma.emailDelivery.count({ where: { toEmail: reader.email } })).toBe(0);
  });

  it("leaves a project the person muted out of their emailed digest", async () => {
    const s = await stageSetting();
    const reader = await digestReader(s.project.id, "DAILY");
    await setProjectEmailMuted(prisma, reader.id, s.project.id, true);
    await advance(s.project.id, s.regulator.id, 1);
    await dispatchStageChanges(s.project.id, reader.id, ["2026-03-11T18:00:00.000Z"]);

    await runDigests(new Date("2026-03-12T13:00:00.000Z"));
    // "Stop email about one project": the in-app notification stays, no email carries it.
    expect(await prisma.notification.count({ where: { userId: reader.id, projectId: s.project.id } })).toBe(1);
    expect(await prisma.emailDelivery.findMany({ where: { userId: reader.id }, select: { template: true } })).toEqual(
      [],
    );
  });
});

// ───────────── 2. Comment period reminders ─────────────

/** A whole minute `ms` from now and its wall-clock reading in the agency's zone. */
function inZone(ms: number, timeZone: string) {
  const instant = new Date(Math.floor(ms / 60_000) * 60_000);
  return { instant, local: utcToZonedParts(instant, timeZone) };
}

async function openPeriodClosingIn(days: number) {
  const s = await createPeriodSetting();
  const follower = await createUser({ name: "Fran Follower" });
  await followProject(follower.id, s.project.id);
  const now = new Date();
  const opens = inZone(now.getTime() - HOUR_MS, "America/Denver");
  const closes = inZone(now.getTime() + days * DAY_MS, "America/Denver");
  const period = await openPeriod(
    s.project.id,
    {
      stage: "draft_eis",
      title: "Draft EIS comment period",
      description: "Comment on the draft environmental impact statement.",
      opensAtLocal: opens.local,
      closesAtLocal: closes.local,
      allowAnonymous: false,
      documentIds: [s.publicDocument.id],
    },
    s.context,
    now,
  );
  expect(period.closesAt.toISOString()).toBe(closes.instant.toISOString());
  return { ...s, follower, period, closesAt: closes.instant };
}

function expectedReminders(periodId: string, closesAt: Date) {
  const closesIso = closesAt.toISOString();
  return [
    ["closing7d", 7 * DAY_MS],
    ["closing24h", DAY_MS],
    ["closed", 0],
  ].map(([kind, before]) => ({
    kind,
    payload: { periodId, kind, closesAt: closesIso },
    runAt: new Date(closesAt.getTime() - Number(before)).toISOString(),
    key: `period-reminder:${periodId}:${kind}`,
  }));
}

describe("comment period reminders", () => {
  it("schedules three reminders when a period opens, and replaces them when it is extended", async () => {
    const s = await openPeriodClosingIn(10);
    expect(await reminderJobs(s.period.id)).toEqual([]);
    const opened = await onlyEvent("commentPeriod.opened", s.project.id);
    await dispatchEvent(opened.id);
    expect(await reminderJobs(s.period.id)).toEqual(expectedReminders(s.period.id, s.closesAt));

    const extendedTo = inZone(s.closesAt.getTime() + 2 * DAY_MS, "America/Denver");
    await changePeriodDeadline(
      s.period.id,
      {
        kind: "EXTEND",
        newClosesAtLocal: extendedTo.local,
        reason: "Requested by the county commission.",
        expectedLockVersion: 1,
      },
      s.context,
    );
    const extended = await onlyEvent("commentPeriod.extended", s.project.id);
    await dispatchEvent(extended.id);
    expect(await reminderJobs(s.period.id)).toEqual(expectedReminders(s.period.id, extendedTo.instant));
  });

  it("schedules no 7-day reminder for a period that closes in 3 days", async () => {
    const s = await openPeriodClosingIn(3);
    await dispatchEvent((await onlyEvent("commentPeriod.opened", s.project.id)).id);
    expect(await reminderJobs(s.period.id)).toEqual(expectedReminders(s.period.id, s.closesAt).slice(1));
  });

  it("does not tell the regulator who opened the period about it", async () => {
    const s = await openPeriodClosingIn(10);
    const opened = await onlyEvent("commentPeriod.opened", s.project.id);
    await dispatchEvent(opened.id);
    expect(await notifiedNames(opened.id)).toEqual(["Fran Follower"]);
    expect((await deliveriesFor(opened.id)).map((d) => d.toEmail)).toEqual([s.follower.email]);
  });

  it("raises a reminder event only for the current deadline, once, and emails followers in the 7-day template", async () => {
    const s = await openPeriodClosingIn(10);
    const closingSoon = () => eventsOf("commentPeriod.closingSoon", s.project.id);
    const stale = new Date(s.closesAt.getTime() - DAY_MS).toISOString();

    expect(await raisePeriodReminder({ periodId: s.period.id, kind: "closing7d", closesAt: stale })).toBe(false);
    expect(await closingSoon()).toEqual([]);

    const current = { periodId: s.period.id, kind: "closing7d", closesAt: s.closesAt.toISOString() };
    expect(await raisePeriodReminder(current)).toBe(true);
    expect(await raisePeriodReminder(current)).toBe(true);
    const events = await closingSoon();
    expect(events).toHaveLength(1);
    const [event] = events;
    expect(event.dedupeKey).toBe(`period:${s.period.id}:closing7d:${s.closesAt.toISOString()}`);
    expect(event.payload).toMatchObject({ periodId: s.period.id, kind: "closing7d", projectId: s.project.id });

    await dispatchEvent(event.id);
    const notified = await prisma.notification.findMany({
      where: { eventId: event.id, userId: s.follower.id },
      select: { type: true, title: true },
    });
    expect(notified).toEqual([
      {
        type: "COMMENT_PERIOD_CLOSING_7D",
        title: `7 days left to comment: Draft EIS comment period (${s.project.name})`,
      },
    ]);
    const deliveries = (await deliveriesFor(event.id)).filter((d) => d.userId === s.follower.id);
    expect(deliveries.map((d) => d.template)).toEqual(["comment-period-closing7d"]);

    await sendEventEmails(event.id);
    const emails = mailbox().emailsTo(s.follower.email);
    expect(emails).toHaveLength(1);
    expect(emails[0].tags).toEqual([{ name: "template", value: "comment-period-closing7d" }]);
    expect(emails[0].subject).toBe(`7 days left to comment: Draft EIS comment period (${s.project.name})`);
    expect(emails[0].text).toContain(`http://localhost:3000/comment-periods/${s.period.id}`);
    expect(unsubscribeTokenOf(emails[0])).toEqual({ k: "project", u: s.follower.id, p: s.project.id });
  });
});

// ───────────── 3. Events for one person ─────────────

describe("events told to one person", () => {
  it("tells only the comment's author with an account about a response to it", async () => {
    const { period, project, regulator, context } = await createReadingScenario();
    const author = await createUser({ name: "Casey Commenter" });
    const follower = await createUser({ name: "Fran Follower" });
    await followProject(follower.id, project.id);
    const withAccount = await createPublicComment(period.id, { email: author.email });
    await prisma.comment.update({ where: { id: withAccount.id }, data: { userId: author.id } });
    const withoutAccount = await createPublicComment(period.id);

    await respondToComments(
      period.id,
      { issue: "Groundwater", text: "Section 4.3 models drawdown.", commentIds: [withAccount.id, withoutAccount.id] },
      context,
    );
    const toAuthor = await onlyEvent("comment.responded", withAccount.id);
    const toNobody = await onlyEvent("comment.responded", withoutAccount.id);
    expect(await dispatchEvent(toAuthor.id)).toEqual({ notified: 1, emails: 1 });
    expect(await dispatchEvent(toNobody.id)).toEqual({ notified: 0, emails: 0 });

    const notifications = await prisma.notification.findMany({
      where: { eventId: { in: [toAuthor.id, toNobody.id] } },
      select: { userId: true, type: true, title: true },
    });
    expect(notifications).toEqual([
      {
        userId: author.id,
        type: "COMMENT_RESPONSE",
        title: `The agency answered your comment ${withAccount.receiptNumber}`,
      },
    ]);
    expect((await deliveriesFor(toAuthor.id)).map((d) => [d.toEmail, d.template])).toEqual([
      [author.email, "comment-response"],
    ]);
    expect(await deliveriesFor(toNobody.id)).toEqual([]);

    await sendEventEmails(toAuthor.id);
    expect(recipients(mailbox().emails())).toEqual([author.email]);
    const [email] = mailbox().emails();
    expect(email.subject).toBe(`Response to your comment ${withAccount.receiptNumber} on Draft EIS comment period`);
    expect(email.tags).toEqual([{ name: "template", value: "comment-response" }]);
    expect(email.text).toContain("Section 4.3 models drawdown.");
    expect(unsubscribeTokenOf(email)).toEqual({ k: "type", u: author.id, t: "COMMENT_RESPONSE" });
    expect(mailbox().emailsTo(regulator.email)).toEqual([]);
  });

  it("tells the company's members about an information request, not the regulator or followers; OFF keeps only the in-app line", async () => {
    const s = await createProjectWorld();
    const colleague = await createUser({ name: "Company Colleague" });
    await addMember(colleague.id, s.company.id);
    await setPreference(colleague.id, "INFORMATION_REQUEST", "OFF");
    const follower = await createUser({ name: "Fran Follower" });
    await followProject(follower.id, s.project.id);

    await issueRequest(
      s.project.id,
      {
        title: "Groundwater model",
        publicSummary: "The agency asked for the groundwater model runs.",
        items: ["Model input files"],
        dueDate: day("2099-01-31"),
      },
      s.as(s.leadRegulator),
    );
    const event = await onlyEvent("informationRequest.issued", s.project.id);
    expect(await dispatchEvent(event.id)).toEqual({ notified: 2, emails: 1 });

    const notifications = await prisma.notification.findMany({
      where: { eventId: event.id },
      select: { userId: true, type: true, frequency: true },
      orderBy: { userId: "asc" },
    });
    expect(notifications).toEqual(
      [
        { userId: s.companyMember.id, type: "INFORMATION_REQUEST", frequency: "IMMEDIATE" },
        { userId: colleague.id, type: "INFORMATION_REQUEST", frequency: "OFF" },
      ].sort((a, b) => (a.userId < b.userId ? -1 : 1)),
    );
    const deliveries = await deliveriesFor(event.id);
    expect(deliveries.map((d) => [d.userId, d.template])).toEqual([[s.companyMember.id, "information-request"]]);

    await sendEventEmails(event.id);
    expect(recipients(mailbox().emails())).toEqual([s.companyMember.email]);
    const [email] = mailbox().emails();
    expect(email.subject).toBe(`Information request on ${s.project.name}: Groundwater model`);
    expect(email.tags).toEqual([{ name: "template", value: "information-request" }]);
    expect(email.text).toContain("Request: Groundwater model\nDue: Jan 31, 2099");
  });

  it("tells only the assignee about a review assignment; OFF keeps only the in-app line", async () => {
    const s = await createProjectWorld();
    const follower = await createUser({ name: "Fran Follower" });
    await followProject(follower.id, s.project.id);
    const quietBiologist = await createUser({ name: "Quiet Biologist" });
    await addMember(quietBiologist.id, s.cooperatingAgency.id);
    await setPreference(quietBiologist.id, "REVIEW_ASSIGNED", "OFF");
    const review = await openReview(
      s.project.id,
      { agencyId: s.leadAgency.id, resourceArea: "WATER", title: "Groundwater drawdown and springs" },
      s.context,
    );

    await assignReviewer(review.id, s.cooperatingRegulator.id, s.context);
    const [toCooperating] = await eventsOf("review.assigned", s.project.id);
    expect(await dispatchEvent(toCooperating.id)).toEqual({ notified: 1, emails: 1 });
    expect(
      await prisma.notification.findMany({
        where: { eventId: toCooperating.id },
        select: { userId: true, type: true, title: true },
      }),
    ).toEqual([
      {
        userId: s.cooperatingRegulator.id,
        type: "REVIEW_ASSIGNED",
        title: `You were assigned to review Groundwater drawdown and springs (${s.project.name})`,
      },
    ]);
    expect((await deliveriesFor(toCooperating.id)).map((d) => [d.toEmail, d.template])).toEqual([
      [s.cooperatingRegulator.email, "review-assigned"],
    ]);
    await sendEventEmails(toCooperating.id);
    expect(recipients(mailbox().emails())).toEqual([s.cooperatingRegulator.email]);
    expect(mailbox().emails()[0].subject).toBe(`Review assigned: Groundwater drawdown and springs (${s.project.name})`);
    expect(mailbox().emails()[0].text).toContain(
      `Lead Regulator assigned you to review Groundwater drawdown and springs for ${s.project.name}.`,
    );

    await assignReviewer(review.id, quietBiologist.id, s.context);
    const events = await eventsOf("review.assigned", s.project.id);
    expect(events).toHaveLength(2);
    const toQuiet = events.find((e) => e.id !== toCooperating.id);
    if (!toQuiet) throw new Error("no second assignment event");
    expect(await dispatchEvent(toQuiet.id)).toEqual({ notified: 1, emails: 0 });
    expect(await notifiedUserIds(toQuiet.id)).toEqual([quietBiologist.id]);
    expect(await deliveriesFor(toQuiet.id)).toEqual([]);
  });
});

// ───────────── 4. Email content ─────────────

async function milestoneSetting() {
  const s = await stageSetting();
  const follower = await createUser({ name: "Fran Follower" });
  await followProject(follower.id, s.project.id);
  // Milestone moves wait for the daily digest by default; this follower wants them at once.
  await setPreference(follower.id, "MILESTONE_DATE_CHANGED", "IMMEDIATE");
  const context = { actorId: s.regulator.id, requestId: "test" };
  const milestone = await addMilestone(
    s.project.id,
    { name: "Record of decision", jurisdiction: "FEDERAL", targetDate: day("2027-01-15"), datePrecision: "DAY" },
    context,
  );
  await changeTargetDate(
    {
      projectId: s.project.id,
      milestoneId: milestone.id,
      newDate: day("2027-06-30"),
      reason: "ADDITIONAL_ANALYSIS",
      narrative: "The agency needs more time to answer comments on the groundwater model.",
    },
    context,
  );
  const event = await onlyEvent("milestone.dateChanged", s.project.id);
  return { ...s, follower, event };
}

describe("email content", () => {
  it("refuses to dispatch a stored event whose payload lacks a field, naming the event, and tells no one", async () => {
    const s = await stageSetting();
    const follower = await createUser({ name: "Fran Follower" });
    await followProject(follower.id, s.project.id);
    await advance(s.project.id, s.regulator.id, 1);
    const event = await onlyEvent("project.stageChanged", s.project.id);
    const { toStageLabel: _dropped, ...damaged } = event.payload as Record<string, unknown>;
    await prisma.domainEvent.update({ where: { id: event.id }, data: { payload: damaged as Prisma.InputJsonObject } });

    await expect(dispatchEvent(event.id)).rejects.toThrow(
      `Event ${event.id} (project.stageChanged) has an invalid payload: toStageLabel: Required.`,
    );
    expect(await notifiedUserIds(event.id)).toEqual([]);
    expect(await deliveriesFor(event.id)).toEqual([]);
    expect(await prisma.domainEvent.findUniqueOrThrow({ where: { id: event.id } })).toMatchObject({
      processedAt: null,
    });
  });

  it("states a moved milestone's old and new dates and the reason", async () => {
    const s = await milestoneSetting();
    await dispatchEvent(s.event.id);
    expect((await deliveriesFor(s.event.id)).map((d) => [d.toEmail, d.template])).toEqual([
      [s.follower.email, "milestone-moved"],
    ]);
    await sendEventEmails(s.event.id);
    const emails = mailbox().emailsTo(s.follower.email);
    expect(emails).toHaveLength(1);
    const [email] = emails;
    expect(email.subject).toBe(`${s.project.name}: Record of decision moved to Jun 30, 2027`);
    expect(email.tags).toEqual([{ name: "template", value: "milestone-moved" }]);
    expect(email.text).toContain("Previous target date: Jan 15, 2027");
    expect(email.text).toContain("New target date: Jun 30, 2027");
    expect(email.text).toContain("Reason: Additional analysis");
    expect(email.text).toContain("The agency needs more time to answer comments on the groundwater model.");
    expect(email.text).toContain(`http://localhost:3000/projects/${s.project.slug}#changes`);
  });

  it("does not tell the person who moved the milestone about it", async () => {
    const s = await milestoneSetting();
    await dispatchEvent(s.event.id);
    expect(await notifiedNames(s.event.id)).toEqual(["Fran Follower"]);
  });
});

// ───────────── 5. One-click unsubscribe ─────────────

describe("unsubscribing with the email's token", () => {
  it("stops email about the project for that person, keeps the in-app notification, and leaves others' email alone", async () => {
    const s = await stageSetting();
    const leaving = await createUser({ name: "Lee Leaving" });
    const staying = await createUser({ name: "Sam Staying" });
    await followProject(leaving.id, s.project.id);
    await followProject(staying.id, s.project.id);

    await advance(s.project.id, s.regulator.id, 1);
    const [first] = await eventsOf("project.stageChanged", s.project.id);
    expect(await dispatchEvent(first.id)).toEqual({ notified: 2, emails: 2 });
    await sendEventEmails(first.id);
    const [email, ...more] = mailbox().emailsTo(leaving.email);
    expect(more).toEqual([]);
    expect(email.tags).toEqual([{ name: "template", value: "stage-changed" }]);
    const token = unsubscribeTokenOf(email);
    expect(token).toEqual({ k: "project", u: leaving.id, p: s.project.id });
    if (!token) throw new Error("no token");
    expect(await applyUnsubscribe(token)).toBe(true);

    await advance(s.project.id, s.regulator.id, 2);
    const events = await eventsOf("project.stageChanged", s.project.id);
    expect(events).toHaveLength(2);
    const second = events[1];
    expect(await dispatchEvent(second.id)).toEqual({ notified: 2, emails: 1 });
    expect(await notifiedUserIds(second.id)).toEqual([leaving.id, staying.id].sort());
    expect((await deliveriesFor(second.id)).map((d) => d.userId)).toEqual([staying.id]);
    expect(await prisma.emailDelivery.count({ where: { eventId: second.id, toEmail: leaving.email } })).toBe(0);
  });
});
