// The monitoring desk's scheduled alerts, raised by the "raise-monitoring-alerts" cron job
// (app/services/queue.server.ts) and dispatched like every other event to the project's followers,
// through their notification preferences and the in-app list.
//
// - "milestone.targetPassed": a milestone whose target's whole period ended (isOverdue, the one
//   rule in app/models/schedule.ts) with no actual date. Only targets whose period ended within
//   the last TARGET_PASSED_LOOKBACK_DAYS are announced: the first run after a deploy must not
//   announce a decade of history, which /schedule shows instead. Not for paused, denied or
//   withdrawn projects (nothing is expected of them).
// - "statutoryDeadline.alert": a legal deadline (statutory-clock.ts) 90 or 30 days away, or passed
//   with no decision.
//
// Idempotent: each alert carries a dedupe key (DomainEvent.dedupeKey is unique), so a job that runs
// twice, or every hour, records each alert once. A target that moves and passes again, or a
// deadline that is extended and then approaches again, is a new alert: the key holds the date.
import { Prisma } from "@prisma/client";
import { prisma } from "~/services/db.server";
import { addUtcDays, isoDay, todayUtc } from "~/utils/dates";
import { recordEvents, type NewEvent } from "~/models/events/record.server";
import { isOverdue, periodStart } from "~/models/schedule";
import { loadStatutoryClocks } from "~/models/statutory-clock.server";

export const TARGET_PASSED_LOOKBACK_DAYS = 14;
export const MONITORING_ALERTS_TASK = "raise-monitoring-alerts";

type OverdueRow = {
  milestoneId: string;
  milestoneName: string;
  targetDate: Date;
  datePrecision: "DAY" | "MONTH" | "YEAR";
  projectId: string;
  slug: string;
  name: string;
};

/**
 * Candidates in SQL (targets whose period started in the window where their end can fall), then
 * the exact rule in TypeScript: the SQL only narrows, isOverdue decides.
 */
async function recentlyOverdue(today: Date): Promise<OverdueRow[]> {
  const earliest = addUtcDays(today, -TARGET_PASSED_LOOKBACK_DAYS);
  // A year-precision target that ended in the window started up to a year before it.
  const from = periodStart(addUtcDays(earliest, -366), "DAY");
  const rows = await prisma.$queryRaw<OverdueRow[]>(Prisma.sql`
    SELECT m.id AS "milestoneId", m.name AS "milestoneName", m."targetDate", m."datePrecision",
           p.id AS "projectId", p.slug, p.name
    FROM "Milestone" m JOIN "Project" p ON p.id = m."projectId"
    WHERE m."actualDate" IS NULL AND m."targetDate" IS NOT NULL
      AND m."targetDate" >= ${isoDay(from)}::date AND m."targetDate" < ${isoDay(today)}::date
      AND p.status NOT IN ('PAUSED', 'DENIED', 'WITHDRAWN')`);
  return rows.filter((row) => {
    const m = { baselineDate: null, targetDate: row.targetDate, actualDate: null, datePrecision: row.datePrecision };
    // Overdue today, and not yet overdue on the first day of the window: its period ended inside it.
    return isOverdue(m, today) && !isOverdue(m, earliest);
  });
}

export async function raiseMonitoringAlerts(now = new Date()): Promise<{ targetPassed: number; statutory: number }> {
  const today = todayUtc(now);
  const events: NewEvent[] = [];
  for (const row of await recentlyOverdue(today)) {
    const targetDate = isoDay(row.targetDate);
    events.push({
      type: "milestone.targetPassed",
      payload: {
        projectId: row.projectId,
        slug: row.slug,
        name: row.name,
        milestoneId: row.milestoneId,
        milestoneName: row.milestoneName,
        targetDate,
        datePrecision: row.datePrecision,
      },
      dedupeKey: `milestone-overdue:${row.milestoneId}:${targetDate}`,
    });
  }
  const targetPassed = events.length;
  const clocks = await loadStatutoryClocks(today, { status: { in: ["IN_PROGRESS", "APPROVED"] } });
  for (const { project, clock } of clocks) {
    if (clock.state === "not_started" || clock.alert === "none") continue;
    const deadline = isoDay(clock.deadline);
    events.push({
      type: "statutoryDeadline.alert",
      payload: {
        projectId: project.id,
        slug: project.slug,
        name: project.name,
        kind: clock.alert,
        track: clock.track,
        deadline,
        deadlinePrecision: clock.deadlinePrecision,
        startName: clock.start.name,
        startDate: isoDay(clock.start.date),
        startPrecision: clock.start.precision,
        extended: clock.extensions.length > 0,
      },
      dedupeKey: `statutory:${project.id}:${deadline}:${clock.alert}`,
    });
  }
  if (events.length === 0) return { targetPassed: 0, statutory: 0 };
  await recordEvents(prisma, events, { skipDuplicates: true });
  return { targetPassed, statutory: events.length - targetPassed };
}
