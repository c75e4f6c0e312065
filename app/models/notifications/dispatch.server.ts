// Turns one recorded event into in-app notifications and email deliveries, in one transaction, and
// queues the sends. Runs as the "dispatch-event" job that the DomainEvent insert trigger enqueues.
// Safe to run twice: the event row is locked and marked processed in the same transaction, and the
// unique keys on notifications and deliveries make a repeat insert nothing.
import { Prisma } from "@prisma/client";
import { parseEvent } from "~/models/events/catalogue";
import { recordEvents } from "~/models/events/record.server";
import { projectRecipientsSql } from "~/models/notifications/follow.server";
import { DEFAULT_FREQUENCY, PUBLIC_SUBSCRIBER_TYPES } from "~/models/notifications/notification-preferences";
import { prisma } from "~/services/db.server";
import { describeEvent, type EventNotice } from "./content.server";

type Tx = Prisma.TransactionClient;
export const EMAIL_BATCH_SIZE = 100;

export async function dispatchEvent(eventId: string): Promise<{ notified: number; emails: number } | null> {
  const row = await prisma.domainEvent.findUnique({ where: { id: eventId } });
  if (!row || row.processedAt) return null;
  // A payload the catalogue refuses fails the job, naming the event, rather than sending blank lines.
  const event = parseEvent(row);
  const notice = await describeEvent(event);
  return prisma.$transaction(
    async (tx) => {
      const [locked] = await tx.$queryRaw<{ processedAt: Date | null }[]>`
        select "processedAt" from "DomainEvent" where id = ${eventId} for update`;
      if (!locked || locked.processedAt) return null;
      // Numbering 100,000 recipients into batches sorts them: keep that sort in memory.
      await tx.$executeRaw`set local work_mem = '64MB'`;
      let counts = { notified: 0, emails: 0 };
      if (notice) counts = await fanOut(tx, event.id, notice);
      if (
        event.type === "commentPeriod.opened" ||
        event.type === "commentPeriod.reopened" ||
        event.type === "commentPeriod.extended"
      ) {
        await scheduleReminders(tx, event.payload);
      }
      await tx.domainEvent.update({ where: { id: eventId }, data: { processedAt: new Date() } });
      return counts;
    },
    // A stage change on a project with 100,000 followers inserts 200,000 rows here.
    { timeout: 300_000, maxWait: 30_000 },
  );
}

function recipientsSql(notice: EventNotice) {
  const defaultFrequency = DEFAULT_FREQUENCY[notice.type];
  if (notice.audience.kind === "project") {
    return projectRecipientsSql(notice.audience.projectId, notice.type, defaultFrequency, notice.excludeUserId);
  }
  const ids = notice.audience.userIds.length > 0 ? notice.audience.userIds : ["-"];
  return Prisma.sql`
    select u.id as "userId", u.email, (u."emailVerifiedAt" is not null) as verified,
           coalesce(np.frequency::text, ${defaultFrequency}) as frequency, false as "emailMuted"
    from "User" u
    left join "NotificationPreference" np on np."userId" = u.id and np.type = ${notice.type}::"NotificationType"
    where u.id in (${Prisma.join(ids)}) and u.id is distinct from ${notice.excludeUserId}`;
}

async function fanOut(tx: Tx, eventId: string, notice: EventNotice) {
  // Everyone gets the in-app notification; email only to verified addresses, as it happens, unless
  // the person chose a digest, turned the kind off or muted the project.
  const notified = await tx.$executeRaw`
    with recipients as (${recipientsSql(notice)})
    insert into "Notification" ("userId", "eventId", "type", "projectId", "title", "detail", "url", "frequency")
    select r."userId", ${eventId}, ${notice.type}::"NotificationType", ${notice.projectId}, ${notice.title},
           ${notice.detail}, ${notice.path},
           -- A muted project sends no email at all, so nothing waits for a digest either.
           (case when r."emailMuted" then 'OFF' else r.frequency end)::"NotificationFrequency"
    from recipients r
    on conflict ("userId", "eventId") do nothing`;
  const userEmails = await tx.$executeRaw`
    with recipients as (${recipientsSql(notice)})
    insert into "EmailDelivery" ("idempotencyKey", "batchKey", "template", "toEmail", "userId", "eventId")
    select ${`event:${eventId}:user:`} || r."userId",
           ${`event:${eventId}:u:`} || ((row_number() over (order by r."userId") - 1) / ${EMAIL_BATCH_SIZE})::text,
           ${notice.email.template}, r.email, r."userId", ${eventId}
    from recipients r
    where r.frequency = 'IMMEDIATE' and r.verified and not r."emailMuted"
    on conflict ("idempotencyKey") do nothing`;
  let subscriberEmails = 0;
  if (notice.audience.kind === "project" && PUBLIC_SUBSCRIBER_TYPES.includes(notice.type)) {
    // A subscriber who also follows with an account under the same address gets one email, not two.
    subscriberEmails = await tx.$executeRaw`
      insert into "EmailDelivery" ("idempotencyKey", "batchKey", "template", "toEmail", "subscriptionId", "eventId")
      select ${`event:${eventId}:sub:`} || s.id,
             ${`event:${eventId}:s:`} || ((row_number() over (order by s.id) - 1) / ${EMAIL_BATCH_SIZE})::text,
             ${notice.email.template}, s.email, s.id, ${eventId}
      from "EmailSubscription" s
      where s."projectId" = ${notice.audience.projectId} and s."confirmedAt" is not null and s."unsubscribedAt" is null
        and not exists (
          select 1 from "EmailDelivery" d where d."eventId" = ${eventId} and d."userId" is not null and d."toEmail" = s.email)
      on conflict ("idempotencyKey") do nothing`;
  }
  await tx.$executeRaw`
    select graphile_worker.add_job('send-email-batch', json_build_object('batchKey', b."batchKey"),
                                   job_key => 'send:' || b."batchKey", max_attempts => 25)
    from (select distinct "batchKey" from "EmailDelivery" where "eventId" = ${eventId} and status = 'PENDING') b`;
  return { notified, emails: userEmails + subscriberEmails };
}

const REMINDERS = [
  { kind: "closing7d", beforeMs: 7 * 24 * 3600_000 },
  { kind: "closing24h", beforeMs: 24 * 3600_000 },
  { kind: "closed", beforeMs: 0 },
] as const;

/**
 * Reminder jobs keyed per period and kind: an extension or reopening replaces them with the new
 * deadline's (graphile-worker's job_key "replace" mode). A reminder whose moment has passed (a
 * period opened with less than 7 days to run) is not sent late.
 */
async function scheduleReminders(tx: Tx, payload: { periodId: string; closesAt: string }) {
  const periodId = payload.periodId;
  const closesAt = new Date(payload.closesAt);
  const now = Date.now();
  for (const reminder of REMINDERS) {
    const runAt = new Date(closesAt.getTime() - reminder.beforeMs);
    const jobKey = `period-reminder:${periodId}:${reminder.kind}`;
    if (reminder.beforeMs > 0 && runAt.getTime() <= now) {
      await tx.$executeRaw`select graphile_worker.remove_job(${jobKey})`;
      continue;
    }
    await tx.$executeRaw`
      select graphile_worker.add_job('comment-period-reminder',
        json_build_object('periodId', ${periodId}::text, 'kind', ${reminder.kind}::text, 'closesAt', ${closesAt.toISOString()}::text),
        run_at => ${runAt}, job_key => ${jobKey}, max_attempts => 10)`;
  }
}

/** The reminder job: records a "closing soon" or "closed" event, which is then dispatched like any other. */
export async function raisePeriodReminder(input: { periodId: string; kind: string; closesAt: string }) {
  const period = await prisma.commentPeriod.findUnique({
    where: { id: input.periodId },
    select: { id: true, title: true, opensAt: true, closesAt: true, timeZone: true, project: true },
  });
  // Superseded by an extension (its own reminder is scheduled) or deleted: nothing to say.
  if (!period || period.closesAt.toISOString() !== input.closesAt) return false;
  const facts = {
    projectId: period.project.id,
    slug: period.project.slug,
    name: period.project.name,
    periodId: period.id,
    title: period.title,
    opensAt: period.opensAt.toISOString(),
    closesAt: period.closesAt.toISOString(),
    timeZone: period.timeZone,
  };
  const dedupeKey = `period:${period.id}:${input.kind}:${input.closesAt}`;
  const kind = input.kind;
  if (kind !== "closed" && kind !== "closing7d" && kind !== "closing24h") {
    throw new Error(`Comment period reminder for ${period.id}: unknown kind "${kind}".`);
  }
  // A transaction, so the event and its public log entry commit together.
  await prisma.$transaction((tx) =>
    recordEvents(
      tx,
      [
        kind === "closed"
          ? { type: "commentPeriod.closed", payload: { ...facts, kind }, dedupeKey }
          : { type: "commentPeriod.closingSoon", payload: { ...facts, kind }, dedupeKey },
      ],
      { skipDuplicates: true },
    ),
  );
  return true;
}
