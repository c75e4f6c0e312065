// Daily and weekly digests, gathered per person in the person's own time zone. The hourly
// "send-digests" job closes every digest whose moment has passed: daily at DIGEST_HOUR local time,
// weekly at DIGEST_HOUR on Monday. A digest holds the notifications made before that moment that
// waited for it (their frequency was recorded when they were made), with their full content.
import { env } from "~/env.server";
import { prisma } from "~/services/db.server";
import { utcToZonedParts, zonedLocalToUtc } from "~/utils/zoned-time";
import { EMAIL_BATCH_SIZE } from "./dispatch.server";

export type DigestWindow = { cutoff: Date; periodKey: string };

const pad = (n: number) => String(n).padStart(2, "0");

/**
 * The latest digest moment at or before `now` in `timeZone`: today's (or, before the hour,
 * yesterday's) for daily; the latest Monday's for weekly. periodKey is that local date.
 */
export function digestWindow(
  now: Date,
  timeZone: string,
  frequency: "DAILY" | "WEEKLY",
  hour = env().DIGEST_HOUR,
): DigestWindow {
  const local = utcToZonedParts(now, timeZone);
  // Calendar arithmetic on the local date, done in UTC where every day has 24 hours.
  const localDate = new Date(Date.UTC(local.year, local.month - 1, local.day));
  let back = 0;
  if (frequency === "WEEKLY") back = (localDate.getUTCDay() + 6) % 7; // days since Monday
  for (;;) {
    const day = new Date(localDate.getTime() - back * 86_400_000);
    const cutoff = zonedLocalToUtc(
      { year: day.getUTCFullYear(), month: day.getUTCMonth() + 1, day: day.getUTCDate(), hour, minute: 0 },
      timeZone,
    );
    if (cutoff.getTime() <= now.getTime()) {
      return {
        cutoff,
        periodKey: `${day.getUTCFullYear()}-${pad(day.getUTCMonth() + 1)}-${pad(day.getUTCDate())}`,
      };
    }
    back += frequency === "WEEKLY" ? 7 : 1;
  }
}

export async function runDigests(now = new Date()) {
  const waiting = await prisma.$queryRaw<
    { userId: string; frequency: "DAILY" | "WEEKLY"; email: string; verified: boolean; timeZone: string }[]
  >`
    select distinct n."userId", n.frequency::text as frequency, u.email,
           (u."emailVerifiedAt" is not null) as verified, u."timeZone"
    from "Notification" n join "User" u on u.id = n."userId"
    where n."digestId" is null and n.frequency in ('DAILY', 'WEEKLY')
    order by n."userId", frequency`;
  const batchPrefix = `digests:${now.toISOString()}`;
  let made = 0;
  for (const person of waiting) {
    let window: DigestWindow;
    try {
      window = digestWindow(now, person.timeZone, person.frequency);
    } catch {
      window = digestWindow(now, "UTC", person.frequency);
    }
    const created = await prisma.$transaction(async (tx) => {
      const [digest] = await tx.$queryRaw<{ id: string }[]>`
        insert into "Digest" (id, "userId", frequency, "periodKey")
        values (gen_random_uuid()::text, ${person.userId}, ${person.frequency}::"DigestFrequency", ${window.periodKey})
        on conflict ("userId", frequency, "periodKey") do nothing
        returning id`;
      // Already sent for this period: anything that arrived late waits for the next one.
      if (!digest) return false;
      const gathered = await tx.$executeRaw`
        update "Notification" set "digestId" = ${digest.id}
        where "userId" = ${person.userId} and frequency = ${person.frequency}::"NotificationFrequency"
          and "digestId" is null and "createdAt" < ${window.cutoff}`;
      if (gathered === 0) {
        await tx.digest.delete({ where: { id: digest.id } });
        return false;
      }
      if (!person.verified) return true;
      const batchKey = `${batchPrefix}:${Math.floor(made / EMAIL_BATCH_SIZE)}`;
      await tx.emailDelivery.create({
        data: {
          idempotencyKey: `digest:${digest.id}`,
          batchKey,
          template: "digest",
          toEmail: person.email,
          userId: person.userId,
          digestId: digest.id,
        },
      });
      // One job per batch of 100 digests; each digest re-adds it (same key) so none is left without one.
      await tx.$executeRaw`
        select graphile_worker.add_job('send-email-batch', json_build_object('batchKey', ${batchKey}::text),
          job_key => ${`send:${batchKey}`}, run_at => now() + interval '5 seconds', max_attempts => 25)`;
      return true;
    });
    if (created) made += 1;
  }
  return { digests: made };
}
